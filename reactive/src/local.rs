//! [`__local!`](crate::__local): `thread_local!` for the framework's own
//! state, a plain `static` on single-threaded wasm.
//!
//! There a thread-local whose type has a destructor is a `static` plus a
//! state check on every access (alive? destructor registered?) and a
//! "destroyed" panic path with its formatting, in every app. A wasm
//! instance without the `atomics` target feature runs one thread, which
//! never ends, so neither the check nor the destructor is needed. Other
//! targets (native tests run one runtime per test thread) keep
//! `thread_local!`. Both forms are used as `NAME.with(|value| ..)`.

/// The value of a [`__local!`](crate::__local) on single-threaded wasm.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[doc(hidden)]
pub struct SingleThreaded<T>(pub T);

// SAFETY: without `atomics` a wasm instance has one thread; nothing is
// ever shared with another.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
unsafe impl<T> Sync for SingleThreaded<T> {}

#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
impl<T> SingleThreaded<T> {
    /// Calls `f` with the value (as `LocalKey::with`).
    #[inline(always)]
    pub fn with<R>(&'static self, f: impl FnOnce(&T) -> R) -> R {
        f(&self.0)
    }
}

/// `thread_local! { static NAME: T = const { init }; }` for framework
/// state: a plain `static` on single-threaded wasm (see the module docs).
#[doc(hidden)]
#[macro_export]
macro_rules! __local {
    ($(#[$attr:meta])* static $name:ident: $t:ty = const { $init:expr };) => {
        #[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
        $(#[$attr])*
        static $name: $crate::__SingleThreaded<$t> = $crate::__SingleThreaded($init);
        #[cfg(not(all(target_family = "wasm", not(target_feature = "atomics"))))]
        ::std::thread_local! {
            $(#[$attr])*
            static $name: $t = const { $init };
        }
    };
}
