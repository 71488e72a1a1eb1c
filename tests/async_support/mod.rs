//! Helpers for the async browser tests: fetchers whose futures the test
//! releases one by one, and promises to await real timers. Every wait is on
//! an event (a promise the code under test resolves), never a sleep.
#![allow(dead_code)]

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Promise};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// A promise and the function that resolves it.
pub fn promise_pair() -> (Promise, Function) {
    let mut resolve = None;
    let promise = Promise::new(&mut |res, _| resolve = Some(res));
    (promise, resolve.expect("the executor runs synchronously"))
}

/// Awaits a promise.
pub async fn wait(promise: &Promise) {
    JsFuture::from(promise.clone()).await.unwrap();
}

/// One call of a [`Gates`] fetcher: the argument it got, the gate that
/// lets its future finish, and a promise resolved once the future has
/// returned or was dropped (by then the resource has handled the response:
/// the test's continuation runs in a later microtask than the resource's
/// task). A resource drops the future of a load that can no longer win
/// (superseded, or its owner disposed).
#[derive(Clone)]
pub struct Request {
    pub arg: i32,
    open: Function,
    done: Promise,
}

impl Request {
    /// Lets the future finish and waits until its response was handled.
    pub async fn finish(&self) {
        self.open.call0(&JsValue::NULL).unwrap();
        wait(&self.done).await;
    }
}

/// Resolves its promise when dropped: when the future returns, or when the
/// resource drops it unfinished.
struct ResolveOnDrop(Function);

impl Drop for ResolveOnDrop {
    fn drop(&mut self) {
        let _ = self.0.call0(&JsValue::NULL);
    }
}

/// Records every call of its fetcher; each future returns `arg * 10` once
/// the test opens its gate.
#[derive(Clone, Default)]
pub struct Gates {
    calls: Rc<RefCell<Vec<Request>>>,
}

impl Gates {
    /// The fetcher to pass to `create_resource`.
    pub fn fetcher(
        &self,
    ) -> impl Fn(i32) -> std::pin::Pin<Box<dyn std::future::Future<Output = i32>>> {
        let calls = self.calls.clone();
        move |arg| {
            let (gate, open) = promise_pair();
            let (done, finished) = promise_pair();
            calls.borrow_mut().push(Request { arg, open, done });
            let finished = ResolveOnDrop(finished);
            Box::pin(async move {
                JsFuture::from(gate).await.unwrap();
                drop(finished);
                arg * 10
            })
        }
    }

    /// How many loads were started.
    pub fn count(&self) -> usize {
        self.calls.borrow().len()
    }

    /// The `i`-th load (0-based).
    pub fn request(&self, i: usize) -> Request {
        self.calls.borrow()[i].clone()
    }
}

/// A promise resolved by a timeout scheduled outside any owner: used as
/// a sentinel, since browsers run timers in order of due time.
pub fn after_ms(ms: i32) -> Promise {
    let (promise, resolve) = promise_pair();
    let ms = std::time::Duration::from_millis(ms as u64);
    larkspur::set_timeout(
        move || {
            resolve.call0(&JsValue::NULL).unwrap();
        },
        ms,
    );
    promise
}
