//! Control-flow components: [`Show`], [`AnimatedShow`], [`For`], [`Dynamic`] and [`Portal`].
//!
//! Each is a plain function taking a hand-written props struct with a
//! builder, so it is usable from `view!` (`<Show when=.. fallback=..>`) and
//! from the builder API (`Show(ShowProps::builder().when(..).build())`).

mod animated_show;
mod dynamic;
mod each;
mod keyed;
mod list;
mod portal;
mod provider;
mod show;

pub use animated_show::{
    AnimatedShow, AnimatedShowProps, AnimatedShowPropsBuilder, MissingAnimatedWhen,
};
pub use dynamic::{Dynamic, DynamicProps, DynamicPropsBuilder};
pub use each::{text, Each, Unit};
pub use list::{For, ForProps, ForPropsBuilder};
pub(crate) use portal::live as live_portals;
pub use portal::{Portal, PortalProps, PortalPropsBuilder};
pub use provider::{Provider, ProviderProps, ProviderPropsBuilder};
pub use show::{MissingChildren, MissingWhen, Show, ShowProps, ShowPropsBuilder};
