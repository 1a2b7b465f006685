//! Closed sets of values with stable snake_case names, as in the JSON.

/// A closed set of values with stable snake_case names (as in the JSON).
pub trait Named: Copy + 'static {
    const ALL: &'static [Self];
    fn name(self) -> &'static str;

    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.name() == name)
    }

    fn names() -> Vec<&'static str> {
        Self::ALL.iter().map(|v| v.name()).collect()
    }
}

/// Implements [`Named`] for an enum from its variants and their names.
macro_rules! named {
    ($ty:ident { $($variant:ident => $name:literal,)* }) => {
        impl $crate::named::Named for $ty {
            const ALL: &'static [Self] = &[$($ty::$variant),*];
            fn name(self) -> &'static str {
                match self { $($ty::$variant => $name),* }
            }
        }
    };
}

pub(crate) use named;
