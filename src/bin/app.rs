//! The app's entry point (built by Trunk); it only wires.

fn main() {
    wengang_engine::app::run();
}
