//! The arc-eager transition system (Nivre 2003) with the root at the end of
//! the buffer (Ballesteros & Nivre 2013), and its dynamic oracle
//! (Goldberg & Nivre 2012, 2013) for training.
//!
//! Words are `0..n`; index `n` is the artificial root, the last buffer item.
//! Transitions:
//! - `Shift`: push the buffer front `b0` onto the stack;
//! - `Reduce`: pop the stack top `s0` (it must have a head);
//! - `Left(l)`: `b0` becomes the head of `s0` (which has none) with label
//!   `l`, and `s0` is popped; when `b0` is the root, `l` must be the root label;
//! - `Right(l)`: `s0` becomes the head of `b0` with label `l`, and `b0` is
//!   pushed (not when `b0` is the root).
//!
//! The parse ends when the stack is empty and `b0` is the root; every word
//! then has a head. Each step is O(1); the oracle's costs are O(n).

/// No word (an unset head, a missing child).
pub const NONE: u32 = u32::MAX;

/// A transition; labels are indices into the parser's label list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// Push `b0`.
    Shift,
    /// Pop `s0`.
    Reduce,
    /// Arc `b0 → s0`, pop `s0`.
    Left(u8),
    /// Arc `s0 → b0`, push `b0`.
    Right(u8),
}

/// Class numbering of the moves for `n_labels` labels: shift 0, reduce 1,
/// left `2 + l`, right `2 + n_labels + l`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MoveSet {
    /// Number of labels.
    pub n_labels: u8,
    /// Index of the root label.
    pub root: u8,
}

impl MoveSet {
    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        2 + 2 * self.n_labels as usize
    }

    /// The class of a move.
    pub fn class(&self, m: Move) -> usize {
        match m {
            Move::Shift => 0,
            Move::Reduce => 1,
            Move::Left(l) => 2 + l as usize,
            Move::Right(l) => 2 + self.n_labels as usize + l as usize,
        }
    }

    /// The move of a class (`None` past the last class).
    pub fn decode(&self, class: usize) -> Option<Move> {
        let n = self.n_labels as usize;
        match class {
            0 => Some(Move::Shift),
            1 => Some(Move::Reduce),
            c if c < 2 + n => Some(Move::Left((c - 2) as u8)),
            c if c < 2 + 2 * n => Some(Move::Right((c - 2 - n) as u8)),
            _ => None,
        }
    }
}

/// A parser configuration with what the features need: heads, labels,
/// the two outermost children on each side, valencies and label sets.
#[derive(Clone, Debug)]
pub struct State {
    n: u32,
    stack: Vec<u32>,
    b0: u32,
    in_stack: Vec<bool>,
    heads: Vec<u32>,
    labels: Vec<u8>,
    /// Leftmost, second leftmost, rightmost, second rightmost child (n + 1 entries).
    lc1: Vec<u32>,
    lc2: Vec<u32>,
    rc1: Vec<u32>,
    rc2: Vec<u32>,
    n_left: Vec<u8>,
    n_right: Vec<u8>,
    left_labels: Vec<u64>,
    right_labels: Vec<u64>,
}

impl State {
    /// The initial configuration for `n` words.
    pub fn new(n: usize) -> State {
        let n32 = u32::try_from(n).unwrap_or(u32::MAX - 1).min(u32::MAX - 1);
        let m = n32 as usize + 1;
        State {
            n: n32,
            stack: Vec::with_capacity(m),
            b0: 0,
            in_stack: vec![false; m],
            heads: vec![NONE; m],
            labels: vec![0; m],
            lc1: vec![NONE; m],
            lc2: vec![NONE; m],
            rc1: vec![NONE; m],
            rc2: vec![NONE; m],
            n_left: vec![0; m],
            n_right: vec![0; m],
            left_labels: vec![0; m],
            right_labels: vec![0; m],
        }
    }

    /// Number of words (the root's index).
    pub fn n(&self) -> u32 {
        self.n
    }

    /// Whether parsing is done.
    pub fn is_terminal(&self) -> bool {
        self.stack.is_empty() && self.b0 >= self.n
    }

    /// The stack top (or [`NONE`]).
    #[inline]
    pub fn s0(&self) -> u32 {
        self.stack.last().copied().unwrap_or(NONE)
    }

    /// The `i`-th stack item from the top (0 = top), or [`NONE`].
    #[inline]
    pub fn stack_item(&self, i: usize) -> u32 {
        let len = self.stack.len();
        if i < len {
            self.stack[len - 1 - i]
        } else {
            NONE
        }
    }

    /// The `i`-th buffer item (0 = front; the root is the last), or [`NONE`].
    #[inline]
    pub fn buffer_item(&self, i: u32) -> u32 {
        let b = self.b0 + i;
        if b <= self.n {
            b
        } else {
            NONE
        }
    }

    /// Head of word `w` ([`NONE`] if unset or `w` is [`NONE`]).
    #[inline]
    pub fn head(&self, w: u32) -> u32 {
        self.heads.get(w as usize).copied().unwrap_or(NONE)
    }

    /// Label of the arc into `w` (meaningful only when it has a head).
    #[inline]
    pub fn label(&self, w: u32) -> u8 {
        self.labels.get(w as usize).copied().unwrap_or(0)
    }

    /// Leftmost (`k = 0`) or second leftmost (`k = 1`) child of `w`.
    #[inline]
    pub fn left_child(&self, w: u32, k: usize) -> u32 {
        let v = if k == 0 { &self.lc1 } else { &self.lc2 };
        v.get(w as usize).copied().unwrap_or(NONE)
    }

    /// Rightmost (`k = 0`) or second rightmost (`k = 1`) child of `w`.
    #[inline]
    pub fn right_child(&self, w: u32, k: usize) -> u32 {
        let v = if k == 0 { &self.rc1 } else { &self.rc2 };
        v.get(w as usize).copied().unwrap_or(NONE)
    }

    /// Number of left and right children of `w`.
    #[inline]
    pub fn valency(&self, w: u32) -> (u8, u8) {
        let i = w as usize;
        (
            self.n_left.get(i).copied().unwrap_or(0),
            self.n_right.get(i).copied().unwrap_or(0),
        )
    }

    /// Bit sets of the labels of `w`'s left and right children.
    #[inline]
    pub fn label_sets(&self, w: u32) -> (u64, u64) {
        let i = w as usize;
        (
            self.left_labels.get(i).copied().unwrap_or(0),
            self.right_labels.get(i).copied().unwrap_or(0),
        )
    }

    /// The heads (`n` for the root) and labels of the words (call when terminal).
    pub fn arcs(&self) -> impl Iterator<Item = (u32, u8)> + '_ {
        (0..self.n as usize).map(move |i| (self.heads[i], self.labels[i]))
    }

    /// Whether `m` is allowed here.
    pub fn is_valid(&self, m: Move, moves: &MoveSet) -> bool {
        let s0 = self.s0();
        let at_root = self.b0 >= self.n;
        match m {
            Move::Shift => !at_root,
            Move::Reduce => s0 != NONE && self.heads[s0 as usize] != NONE,
            Move::Left(l) => {
                s0 != NONE && self.heads[s0 as usize] == NONE && (l == moves.root) == at_root
            }
            Move::Right(l) => s0 != NONE && !at_root && l != moves.root,
        }
    }

    /// Which of shift, reduce, left, right are allowed (labels aside; left
    /// takes only the root label at the root and only others elsewhere).
    pub fn valid_kinds(&self) -> [bool; 4] {
        let s0 = self.s0();
        let at_root = self.b0 >= self.n;
        let has_head = s0 != NONE && self.heads[s0 as usize] != NONE;
        [
            !at_root,
            s0 != NONE && has_head,
            s0 != NONE && !has_head,
            s0 != NONE && !at_root,
        ]
    }

    /// Whether `b0` is the root.
    pub fn at_root(&self) -> bool {
        self.b0 >= self.n
    }

    /// Applies `m`, which must be valid (an invalid move is ignored).
    pub fn apply(&mut self, m: Move, moves: &MoveSet) {
        if !self.is_valid(m, moves) {
            return;
        }
        match m {
            Move::Shift => self.push_b0(),
            Move::Reduce => {
                if let Some(s) = self.stack.pop() {
                    self.in_stack[s as usize] = false;
                }
            }
            Move::Left(l) => {
                if let Some(s) = self.stack.pop() {
                    self.in_stack[s as usize] = false;
                    self.add_arc(self.b0, s, l);
                }
            }
            Move::Right(l) => {
                let s = self.s0();
                self.add_arc(s, self.b0, l);
                self.push_b0();
            }
        }
    }

    fn push_b0(&mut self) {
        self.stack.push(self.b0);
        self.in_stack[self.b0 as usize] = true;
        self.b0 += 1;
    }

    fn add_arc(&mut self, h: u32, d: u32, l: u8) {
        let (hi, di) = (h as usize, d as usize);
        self.heads[di] = h;
        self.labels[di] = l;
        let bit = 1u64 << (l & 63);
        if d < h {
            self.n_left[hi] = self.n_left[hi].saturating_add(1);
            self.left_labels[hi] |= bit;
            if self.lc1[hi] == NONE || d < self.lc1[hi] {
                self.lc2[hi] = self.lc1[hi];
                self.lc1[hi] = d;
            } else if self.lc2[hi] == NONE || d < self.lc2[hi] {
                self.lc2[hi] = d;
            }
        } else {
            self.n_right[hi] = self.n_right[hi].saturating_add(1);
            self.right_labels[hi] |= bit;
            if self.rc1[hi] == NONE || d > self.rc1[hi] {
                self.rc2[hi] = self.rc1[hi];
                self.rc1[hi] = d;
            } else if self.rc2[hi] == NONE || d > self.rc2[hi] {
                self.rc2[hi] = d;
            }
        }
    }

    /// The dynamic-oracle cost of `m`: how many arcs of the gold tree
    /// (`gold[i]` = (head, label) of word `i`, head `n` for the root; the tree
    /// must be projective) become unreachable. Labels count only on the arc
    /// the move adds. `m` must be valid.
    pub fn cost(&self, m: Move, gold: &[(u32, u8)]) -> u32 {
        let n = self.n;
        let s0 = self.s0();
        let b0 = self.b0;
        let g = |w: u32| gold.get(w as usize).map_or((NONE, 0), |&x| x);
        let in_buffer_after = |w: u32| w != NONE && w > b0 && w <= n;
        let in_stack =
            |w: u32| w != NONE && self.in_stack.get(w as usize).copied().unwrap_or(false);
        // Gold children of `w` in the buffer (from b0 on, the root excluded).
        let buffer_children = |w: u32| (b0..n).filter(|&k| g(k).0 == w).count() as u32;
        // Headless stack items whose gold head is `w`.
        let stack_children = |w: u32| {
            self.stack
                .iter()
                .filter(|&&k| self.heads[k as usize] == NONE && g(k).0 == w)
                .count() as u32
        };
        match m {
            Move::Shift => {
                let (h, _) = g(b0);
                u32::from(in_stack(h)) + stack_children(b0)
            }
            Move::Reduce => buffer_children(s0),
            Move::Left(l) => {
                let (h, gl) = g(s0);
                let arc = if h == b0 {
                    u32::from(gl != l)
                } else {
                    u32::from(in_buffer_after(h))
                };
                arc + buffer_children(s0)
            }
            Move::Right(l) => {
                let (h, gl) = g(b0);
                let arc = if h == s0 {
                    u32::from(gl != l)
                } else {
                    u32::from(in_stack(h) || in_buffer_after(h))
                };
                arc + stack_children(b0)
            }
        }
    }
}

/// Makes a tree projective by lifting (Kahane et al. 1998; Nivre & Nilsson
/// 2005 without label encoding): while some arc is non-projective, the
/// shortest such arc's dependent is reattached to its head's head. `heads[i]`
/// is word `i`'s head, `n = heads.len()` for the root. Returns how many arcs
/// were lifted. Heads out of range are left alone (and count as
/// projective); a cyclic input stops after `n` rounds per arc.
pub fn projectivize(heads: &mut [u32]) -> usize {
    let n = heads.len() as u32;
    let mut lifted = 0;
    for _ in 0..heads.len() * heads.len().max(1) {
        let mut worst: Option<(u32, usize)> = None;
        for d in 0..heads.len() {
            let h = heads[d];
            if h > n || !is_nonprojective(heads, d as u32, h) {
                continue;
            }
            let len = h.abs_diff(d as u32);
            if worst.is_none_or(|(l, _)| len < l) {
                worst = Some((len, d));
            }
        }
        let Some((_, d)) = worst else { break };
        let h = heads[d] as usize;
        heads[d] = if h < heads.len() { heads[h] } else { n };
        lifted += 1;
    }
    lifted
}

/// Whether arc `h → d` is non-projective: some word strictly between them
/// is not dominated by `h`.
fn is_nonprojective(heads: &[u32], d: u32, h: u32) -> bool {
    let n = heads.len() as u32;
    let (lo, hi) = if d < h { (d, h) } else { (h, d) };
    (lo + 1..hi).any(|k| !dominated(heads, k, h, n))
}

fn dominated(heads: &[u32], mut k: u32, h: u32, n: u32) -> bool {
    if h == n {
        return true;
    }
    for _ in 0..heads.len() + 1 {
        if k == h {
            return true;
        }
        if k >= n {
            return false;
        }
        k = heads[k as usize];
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    const MOVES: MoveSet = MoveSet {
        n_labels: 3,
        root: 0,
    };

    /// Follows the zero-cost moves (preferring the order below) and checks
    /// the gold tree comes out, with every step's cost consistent.
    fn oracle_parse(gold: &[(u32, u8)]) -> Vec<(u32, u8)> {
        let mut st = State::new(gold.len());
        let mut steps = 0;
        while !st.is_terminal() {
            let mut all = vec![Move::Shift, Move::Reduce];
            for l in 0..MOVES.n_labels {
                all.push(Move::Left(l));
                all.push(Move::Right(l));
            }
            let best = all
                .into_iter()
                .filter(|&m| st.is_valid(m, &MOVES))
                .min_by_key(|&m| st.cost(m, gold))
                .expect("a valid move");
            assert_eq!(
                st.cost(best, gold),
                0,
                "a zero-cost move exists for a projective tree"
            );
            st.apply(best, &MOVES);
            steps += 1;
            assert!(steps <= 2 * gold.len() + 1);
        }
        st.arcs().collect()
    }

    #[test]
    fn zero_cost_moves_rebuild_projective_trees() {
        // (head, label) per word; head = n for the root; label 0 = root.
        let trees: Vec<Vec<(u32, u8)>> = vec![
            vec![(1, 1), (3, 0), (1, 2)],         // "she saw him"
            vec![(1, 1), (4, 0), (1, 2), (2, 2)], // a chain to the right
            vec![(4, 0)].into_iter().chain(vec![(0, 1); 3]).collect(),
            vec![(1, 0)], // one word
            vec![(2, 1), (2, 1), (5, 0), (2, 2), (3, 2)],
        ];
        for gold in trees {
            let n = gold.len() as u32;
            let fixed: Vec<(u32, u8)> = gold
                .iter()
                .map(|&(h, l)| (if h as usize >= gold.len() { n } else { h }, l))
                .collect();
            assert_eq!(oracle_parse(&fixed), fixed);
        }
    }

    /// A tiny deterministic generator for the property test.
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((self.0 >> 33) as usize) % n.max(1)
        }
    }

    /// A random projective tree over `lo..hi` hanging from `head`.
    fn random_tree(rng: &mut Lcg, lo: usize, hi: usize, head: u32, out: &mut [(u32, u8)]) {
        if lo >= hi {
            return;
        }
        let r = lo + rng.below(hi - lo);
        out[r] = (head, 1 + rng.below(2) as u8);
        random_tree(rng, lo, r, r as u32, out);
        random_tree(rng, r + 1, hi, r as u32, out);
    }

    #[test]
    fn oracle_costs_add_up_to_the_final_loss() {
        // From random configurations, following minimum-cost moves loses
        // exactly the arcs the costs counted along the way (the arc-eager
        // oracle is exact for projective trees).
        let mut rng = Lcg(7);
        for _ in 0..300 {
            let n = 1 + rng.below(9);
            let mut gold = vec![(0u32, 0u8); n];
            // One root child: build the tree under word r.
            let r = rng.below(n);
            gold[r] = (n as u32, 0);
            random_tree(&mut rng, 0, r, r as u32, &mut gold);
            random_tree(&mut rng, r + 1, n, r as u32, &mut gold);
            assert_eq!(oracle_parse(&gold), gold);
            let mut st = State::new(n);
            let mut lost = 0;
            let mut steps = 0;
            while !st.is_terminal() {
                let mut all = vec![Move::Shift, Move::Reduce];
                for l in 0..MOVES.n_labels {
                    all.push(Move::Left(l));
                    all.push(Move::Right(l));
                }
                let valid: Vec<Move> = all
                    .into_iter()
                    .filter(|&m| st.is_valid(m, &MOVES))
                    .collect();
                let m = if steps < 4 {
                    valid[rng.below(valid.len())]
                } else {
                    *valid.iter().min_by_key(|&&m| st.cost(m, &gold)).unwrap()
                };
                lost += st.cost(m, &gold);
                st.apply(m, &MOVES);
                steps += 1;
            }
            let wrong = st.arcs().zip(&gold).filter(|(a, g)| a != *g).count() as u32;
            assert_eq!(wrong, lost, "gold {gold:?}");
        }
    }

    #[test]
    fn costs_count_lost_arcs() {
        // "a b c": a ← b → c, b root.
        let gold = [(1, 1), (3, 0), (1, 2)];
        let st = State::new(3);
        // Stack empty: only shift.
        assert!(st.is_valid(Move::Shift, &MOVES));
        assert!(!st.is_valid(Move::Reduce, &MOVES));
        let mut st = st;
        st.apply(Move::Shift, &MOVES);
        // s0 = a, b0 = b: left-arc with the right label is free, the wrong
        // label costs 1, shift loses a's head, right-arc loses two arcs.
        assert_eq!(st.cost(Move::Left(1), &gold), 0);
        assert_eq!(st.cost(Move::Left(2), &gold), 1);
        assert_eq!(st.cost(Move::Shift, &gold), 1);
        assert_eq!(st.cost(Move::Right(1), &gold), 2);
    }

    #[test]
    fn every_word_gets_a_head_whatever_the_moves() {
        let mut st = State::new(5);
        let order = [
            Move::Right(1),
            Move::Shift,
            Move::Right(2),
            Move::Reduce,
            Move::Left(1),
        ];
        let mut i = 0;
        while !st.is_terminal() {
            let preferred = order[i % order.len()];
            let m = if st.is_valid(preferred, &MOVES) {
                preferred
            } else if st.is_valid(Move::Shift, &MOVES) {
                Move::Shift
            } else if st.is_valid(Move::Reduce, &MOVES) {
                Move::Reduce
            } else {
                Move::Left(if st.at_root() { MOVES.root } else { 1 })
            };
            st.apply(m, &MOVES);
            i += 1;
            assert!(i < 100);
        }
        assert!(st.arcs().all(|(h, _)| h != NONE && h <= 5));
    }

    #[test]
    fn projectivize_lifts_crossing_arcs() {
        // 0 → 2 crosses 1 → 3 (1 is the root's child): "a b c d" with
        // heads a:1, b:root, c:0, d:1. Arc 0→2 spans 1, which 0 does not dominate.
        let mut heads = vec![1, 4, 0, 1];
        assert_eq!(projectivize(&mut heads), 1);
        assert_eq!(heads, vec![1, 4, 1, 1]);
        let mut proj = vec![1, 3, 1];
        assert_eq!(projectivize(&mut proj), 0);
        let mut cyclic = vec![1, 0];
        projectivize(&mut cyclic); // must stop
    }

    #[test]
    fn move_classes_round_trip() {
        for c in 0..MOVES.n_classes() {
            let m = MOVES.decode(c).unwrap();
            assert_eq!(MOVES.class(m), c);
        }
        assert_eq!(MOVES.decode(MOVES.n_classes()), None);
    }
}
