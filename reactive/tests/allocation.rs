//! Steady-state updates reuse dependency edges and allocate nothing.

use larkspur_reactive::*;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct Counting;

thread_local! {
    // Only this thread's allocations count: the test harness's own threads
    // may allocate at any time. Const-initialised `Cell`s need no allocation
    // and no destructor, so using them inside the allocator is fine.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn count() {
    let _ = ALLOCATIONS.try_with(|c| c.set(c.get() + 1));
}

fn allocations() -> usize {
    ALLOCATIONS.with(Cell::get)
}

// SAFETY: forwards to the system allocator unchanged, only counting calls.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn steady_state_updates_do_not_allocate() {
    let (a, set_a) = create_signal(0u64);
    let (b, set_b) = create_signal(0u64);
    let sum = create_memo(move |_| a() + b());
    let parity = create_memo(move |_| sum() % 2);
    let total = std::rc::Rc::new(std::cell::Cell::new(0));
    let t = total.clone();
    create_render_effect(move |_| t.set(sum() + parity() + a()));
    let t = total.clone();
    create_effect(move |_| t.set(t.get() + b()));
    flush();
    // Warm up queues and stacks.
    for i in 0..10 {
        set_a(i);
        set_b(i);
    }
    let before = allocations();
    for i in 0..1000 {
        set_a(i);
        set_b(i * 3);
        batch(|| {
            set_a(i + 1);
            set_b(i);
        });
    }
    let after = allocations();
    assert_eq!(after - before, 0, "allocations during steady-state updates");
    assert!(total.get() > 0);
}
