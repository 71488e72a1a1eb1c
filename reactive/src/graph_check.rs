//! Randomised model test of the graph: results, run counts and edge back-indices.
//!
//! A small deterministic generator builds random graphs of signals, memos
//! with dynamic dependencies, and effects; then writes randomly. After every
//! write each live effect must hold exactly what a plain recursive model
//! computes, must have run at most once, and every edge must agree with its
//! mirror (`sources[i].index` points at the subscriber entry that points
//! back at `i`).

use crate::runtime::with_runtime;
use crate::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[derive(Clone, Copy)]
enum Ref {
    Signal(usize),
    Memo(usize),
}

#[derive(Clone)]
struct Expr {
    switch: usize,
    even: Vec<Ref>,
    odd: Vec<Ref>,
    modulo: i64,
}

struct Model {
    signals: Vec<i64>,
    memos: Vec<Expr>,
}

impl Model {
    fn eval(&self, e: &Expr) -> i64 {
        let refs = if self.signals[e.switch] % 2 == 0 {
            &e.even
        } else {
            &e.odd
        };
        let sum: i64 = refs
            .iter()
            .map(|r| match *r {
                Ref::Signal(i) => self.signals[i],
                Ref::Memo(j) => self.eval(&self.memos[j]),
            })
            .sum();
        sum.rem_euclid(e.modulo)
    }
}

fn random_expr(rng: &mut Rng, signals: usize, memos: usize) -> Expr {
    let refs = |rng: &mut Rng| {
        let n = 1 + rng.below(3);
        (0..n)
            .map(|_| {
                if memos > 0 && rng.below(2) == 0 {
                    Ref::Memo(rng.below(memos))
                } else {
                    Ref::Signal(rng.below(signals))
                }
            })
            .collect::<Vec<_>>()
    };
    Expr {
        switch: rng.below(signals),
        even: refs(rng),
        odd: refs(rng),
        modulo: [3, 5, 1000][rng.below(3)],
    }
}

fn read(r: Ref, signals: &[RwSignal<i64>], memos: &[Memo<i64>]) -> i64 {
    match r {
        Ref::Signal(i) => signals[i].get(),
        Ref::Memo(j) => memos[j].get(),
    }
}

fn eval_reactive(e: &Expr, signals: &[RwSignal<i64>], memos: &[Memo<i64>]) -> i64 {
    let refs = if signals[e.switch].get() % 2 == 0 {
        &e.even
    } else {
        &e.odd
    };
    let sum: i64 = refs.iter().map(|r| read(*r, signals, memos)).sum();
    sum.rem_euclid(e.modulo)
}

fn check_edges() {
    with_runtime(|rt| {
        let arena = rt.arena.borrow();
        for id in arena.ids() {
            let node = arena.get(id).expect("listed");
            for (i, e) in node.sources.iter().enumerate() {
                if let Some(src) = arena.get(e.node) {
                    let back = src.subscribers[e.index as usize];
                    assert_eq!((back.node, back.index as usize), (id, i), "source edge");
                }
            }
            for (j, e) in node.subscribers.iter().enumerate() {
                let obs = arena.get(e.node).expect("subscribers are live");
                let back = obs.sources[e.index as usize];
                assert_eq!((back.node, back.index as usize), (id, j), "subscriber edge");
            }
        }
    });
}

fn run_scenario(seed: u64) {
    let mut rng = Rng(seed);
    let root = Owner::new_child();
    root.with(|| {
        let n_signals = 2 + rng.below(6);
        let signal_values: Vec<i64> = (0..n_signals).map(|_| rng.below(10) as i64).collect();
        let signals: Rc<Vec<RwSignal<i64>>> =
            Rc::new(signal_values.iter().map(|v| create_rw_signal(*v)).collect());
        let mut model = Model {
            signals: signal_values,
            memos: Vec::new(),
        };
        let memos: Rc<RefCell<Vec<Memo<i64>>>> = Rc::new(RefCell::new(Vec::new()));
        for j in 0..rng.below(12) {
            let expr = random_expr(&mut rng, n_signals, j);
            model.memos.push(expr.clone());
            let (s, m) = (signals.clone(), memos.clone());
            let memo = create_memo(move |_| {
                let snapshot: Vec<Memo<i64>> = m.borrow()[..j].to_vec();
                eval_reactive(&expr, &s, &snapshot)
            });
            memos.borrow_mut().push(memo);
        }
        struct Watched {
            expr: Expr,
            seen: Rc<Cell<i64>>,
            runs: Rc<Cell<u32>>,
            effect: Effect<()>,
            alive: bool,
        }
        let mut effects: Vec<Watched> = Vec::new();
        let make_effect = |rng: &mut Rng, effects: &mut Vec<Watched>| {
            let expr = random_expr(rng, n_signals, memos.borrow().len());
            let seen = Rc::new(Cell::new(i64::MIN));
            let runs = Rc::new(Cell::new(0));
            let (e2, s2, r2) = (expr.clone(), seen.clone(), runs.clone());
            let (s, m) = (signals.clone(), memos.clone());
            let effect = create_render_effect(move |_| {
                let snapshot = m.borrow().clone();
                s2.set(eval_reactive(&e2, &s, &snapshot));
                r2.set(r2.get() + 1);
            });
            effects.push(Watched {
                expr,
                seen,
                runs,
                effect,
                alive: true,
            });
        };
        for _ in 0..1 + rng.below(8) {
            make_effect(&mut rng, &mut effects);
        }
        check_edges();
        for _step in 0..60 {
            for w in &effects {
                w.runs.set(0);
            }
            match rng.below(10) {
                0 => make_effect(&mut rng, &mut effects),
                1 => {
                    let k = rng.below(effects.len());
                    effects[k].effect.dispose();
                    effects[k].alive = false;
                }
                2 => {
                    let (i, v) = (rng.below(n_signals), rng.below(10) as i64);
                    let (k, w) = (rng.below(n_signals), rng.below(10) as i64);
                    model.signals[i] = v;
                    model.signals[k] = w;
                    batch(|| {
                        signals[i].set(v);
                        signals[k].set(w);
                    });
                }
                _ => {
                    let (i, v) = (rng.below(n_signals), rng.below(10) as i64);
                    model.signals[i] = v;
                    signals[i].set(v);
                }
            }
            for w in effects.iter().filter(|w| w.alive) {
                assert!(
                    w.runs.get() <= 1,
                    "seed {seed}: an effect ran twice for one write"
                );
                assert_eq!(
                    w.seen.get(),
                    model.eval(&w.expr),
                    "seed {seed}: stale effect"
                );
            }
            for (j, m) in memos.borrow().iter().enumerate() {
                assert_eq!(
                    m.get_untracked(),
                    model.eval(&model.memos[j]),
                    "seed {seed}"
                );
            }
            check_edges();
        }
    });
    root.dispose();
}

#[test]
fn random_graphs_match_the_model() {
    let baseline = live_node_count();
    for seed in 1..300u64 {
        run_scenario(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        assert_eq!(live_node_count(), baseline, "seed {seed} leaked nodes");
        check_edges();
    }
}
