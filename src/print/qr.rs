//! A QR code as an SVG path (inline, so it needs no image source under the CSP).

use qrcode::{Color, EcLevel, QrCode};

/// The SVG path of the dark modules and the code's width, with no quiet zone.
pub fn svg_path(text: &str) -> Option<(String, usize)> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let mut path = String::new();
    for (i, color) in code.to_colors().into_iter().enumerate() {
        if color == Color::Dark {
            path.push_str(&format!("M{},{}h1v1h-1z", i % width, i / width));
        }
    }
    Some((path, width))
}
