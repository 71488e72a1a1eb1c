//! Signals and streams (`futures_core::Stream`): a signal that follows a
//! stream, and a stream of a signal's values.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use crate::{
    create_signal, create_view_effect, on_cleanup, MaybeSignal, Memo, ReadSignal, RwSignal, Signal,
};
use futures_core::Stream;

type BoxedStream<T> = Pin<Box<dyn Stream<Item = T>>>;

/// A signal holding the latest item of `stream`: `None` until the first one
/// arrives. The stream is polled on the microtask queue and dropped when the
/// current owner is disposed (the component unmounts) or when it ends; the
/// signal then keeps its last item.
///
/// ```no_run
/// use larkspur_reactive::*;
///
/// # fn messages() -> impl futures_core::Stream<Item = String> { create_signal(String::new()).0.to_stream() }
/// // e.g. the messages of a WebSocket
/// let latest = create_signal_from_stream(messages());
/// let text = move || latest.get().unwrap_or_default();
/// ```
pub fn create_signal_from_stream<T: 'static>(
    stream: impl Stream<Item = T> + 'static,
) -> ReadSignal<Option<T>> {
    let (read, write) = create_signal(None);
    let slot: Rc<RefCell<Option<BoxedStream<T>>>> = Rc::new(RefCell::new(Some(Box::pin(stream))));
    let alive = Rc::new(Cell::new(true));
    {
        let (slot, alive) = (slot.clone(), alive.clone());
        on_cleanup(move || {
            alive.set(false);
            // Dropped after the borrow ends: dropping may call into JS.
            let stream = slot.borrow_mut().take();
            drop(stream);
        });
    }
    crate::resource::spawn_local(async move {
        loop {
            let next = std::future::poll_fn(|cx| {
                // Out of the cell while it is polled: polling may call into
                // JS, and JS may dispose the owner (which empties the cell).
                let Some(mut stream) = slot.borrow_mut().take() else {
                    return Poll::Ready(None);
                };
                let poll = stream.as_mut().poll_next(cx);
                if alive.get() {
                    *slot.borrow_mut() = Some(stream);
                }
                poll
            })
            .await;
            match next {
                Some(item) if alive.get() => {
                    if write.try_set(Some(item)).is_some() {
                        break;
                    }
                }
                _ => break,
            }
        }
        let stream = slot.borrow_mut().take();
        drop(stream);
    });
    read
}

/// A signal's values as a [`Stream`]: its current value first, then each
/// new one. The stream ends when the owner current at the call is disposed.
///
/// ```no_run
/// use larkspur_reactive::*;
///
/// let (count, set_count) = create_signal(0);
/// let mut changes = count.to_stream();
/// spawn_local(async move {
///     while let Some(n) = std::future::poll_fn(|cx| changes.as_mut().poll_next(cx)).await {
///         // ... count is n ...
///     }
/// });
/// # use futures_core::Stream;
/// ```
pub trait SignalStream<T> {
    /// Returns the stream of the signal's values.
    fn to_stream(&self) -> Pin<Box<dyn Stream<Item = T>>>;
}

struct Queue<T> {
    items: VecDeque<T>,
    closed: bool,
    /// The stream was dropped: nobody will read what is queued.
    dropped: bool,
    waker: Option<Waker>,
}

struct Values<T>(Rc<RefCell<Queue<T>>>);

impl<T> Drop for Values<T> {
    fn drop(&mut self) {
        // Nothing more is queued: the effect stops reading the signal (and
        // so stops running) at its next run.
        if let Ok(mut queue) = self.0.try_borrow_mut() {
            queue.dropped = true;
            queue.items.clear();
            queue.waker = None;
        }
    }
}

impl<T> Stream for Values<T> {
    type Item = T;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        let mut queue = self.0.borrow_mut();
        if let Some(item) = queue.items.pop_front() {
            Poll::Ready(Some(item))
        } else if queue.closed {
            Poll::Ready(None)
        } else {
            queue.waker = Some(cx.waker().clone());
            Poll::Pending
        }
    }
}

fn wake<T>(queue: &RefCell<Queue<T>>, change: impl FnOnce(&mut Queue<T>)) {
    let waker = {
        let mut queue = queue.borrow_mut();
        change(&mut queue);
        queue.waker.take()
    };
    // Outside the borrow: waking schedules the task through JS.
    if let Some(waker) = waker {
        waker.wake();
    }
}

fn values_of<T: 'static>(read: impl Fn() -> T + 'static) -> BoxedStream<T> {
    let queue = Rc::new(RefCell::new(Queue {
        items: VecDeque::new(),
        closed: false,
        dropped: false,
        waker: None,
    }));
    let q = queue.clone();
    on_cleanup(move || wake(&q, |q| q.closed = true));
    let q = queue.clone();
    create_view_effect(move |_| {
        // Once the stream is gone, read nothing: with no source left the
        // effect never runs again, and no value piles up unread.
        if q.borrow().dropped {
            return;
        }
        let item = read();
        wake(&q, |q| q.items.push_back(item));
    });
    Box::pin(Values(queue))
}

macro_rules! signal_streams {
    ($($ty:ident),*) => {$(
        impl<T: Clone + 'static> SignalStream<T> for $ty<T> {
            fn to_stream(&self) -> Pin<Box<dyn Stream<Item = T>>> {
                let signal = *self;
                values_of(move || signal.get())
            }
        }
    )*};
}

signal_streams!(ReadSignal, RwSignal, Memo, Signal);

impl<T: Clone + 'static> SignalStream<T> for MaybeSignal<T> {
    fn to_stream(&self) -> Pin<Box<dyn Stream<Item = T>>> {
        let signal = self.clone();
        values_of(move || signal.get())
    }
}
