//! The matcher: runs the code that `re._compiler` produces (CPython 3.11's SRE opcodes)
//! over a subject given as code points (or bytes), with backtracking.
//!
//! `run(pc, pos, top)` matches the code from `pc` up to the `SUCCESS` that ends the
//! current (sub)pattern, continuing through the rest of the pattern as the code lays it
//! out, and returns where the match ended. Repeats keep their context on a stack, as SRE's
//! `REPEAT`/`*_UNTIL` do. Marks are snapshotted at choice points and restored when an
//! alternative fails. Nesting is bounded; past the bound the match reports `TooDeep` so the
//! caller can retry with a bigger stack.

use super::chars;

/// Opcodes.
pub mod op {
    pub const FAILURE: u32 = 0;
    pub const SUCCESS: u32 = 1;
    pub const ANY: u32 = 2;
    pub const ANY_ALL: u32 = 3;
    pub const ASSERT: u32 = 4;
    pub const ASSERT_NOT: u32 = 5;
    pub const AT: u32 = 6;
    pub const BRANCH: u32 = 7;
    pub const CATEGORY: u32 = 8;
    pub const CHARSET: u32 = 9;
    pub const BIGCHARSET: u32 = 10;
    pub const GROUPREF: u32 = 11;
    pub const GROUPREF_EXISTS: u32 = 12;
    pub const IN: u32 = 13;
    pub const INFO: u32 = 14;
    pub const JUMP: u32 = 15;
    pub const LITERAL: u32 = 16;
    pub const MARK: u32 = 17;
    pub const MAX_UNTIL: u32 = 18;
    pub const MIN_UNTIL: u32 = 19;
    pub const NOT_LITERAL: u32 = 20;
    pub const NEGATE: u32 = 21;
    pub const RANGE: u32 = 22;
    pub const REPEAT: u32 = 23;
    pub const REPEAT_ONE: u32 = 24;
    pub const MIN_REPEAT_ONE: u32 = 26;
    pub const ATOMIC_GROUP: u32 = 27;
    pub const POSSESSIVE_REPEAT: u32 = 28;
    pub const POSSESSIVE_REPEAT_ONE: u32 = 29;
    pub const GROUPREF_IGNORE: u32 = 30;
    pub const IN_IGNORE: u32 = 31;
    pub const LITERAL_IGNORE: u32 = 32;
    pub const NOT_LITERAL_IGNORE: u32 = 33;
    pub const GROUPREF_LOC_IGNORE: u32 = 34;
    pub const IN_LOC_IGNORE: u32 = 35;
    pub const LITERAL_LOC_IGNORE: u32 = 36;
    pub const NOT_LITERAL_LOC_IGNORE: u32 = 37;
    pub const GROUPREF_UNI_IGNORE: u32 = 38;
    pub const IN_UNI_IGNORE: u32 = 39;
    pub const LITERAL_UNI_IGNORE: u32 = 40;
    pub const NOT_LITERAL_UNI_IGNORE: u32 = 41;
    pub const RANGE_UNI_IGNORE: u32 = 42;
}

/// `AT_*` codes.
mod at {
    pub const BEGINNING: u32 = 0;
    pub const BEGINNING_LINE: u32 = 1;
    pub const BEGINNING_STRING: u32 = 2;
    pub const BOUNDARY: u32 = 3;
    pub const NON_BOUNDARY: u32 = 4;
    pub const END: u32 = 5;
    pub const END_LINE: u32 = 6;
    pub const END_STRING: u32 = 7;
    pub const LOC_BOUNDARY: u32 = 8;
    pub const LOC_NON_BOUNDARY: u32 = 9;
    pub const UNI_BOUNDARY: u32 = 10;
    pub const UNI_NON_BOUNDARY: u32 = 11;
}

/// `MAXREPEAT`: an unbounded repeat.
pub const MAXREPEAT: u32 = u32::MAX;

/// `INFO` flag: the pattern starts with a literal prefix.
const INFO_PREFIX: u32 = 1;
/// `INFO` flag: the pattern starts with a character from a set.
const INFO_CHARSET: u32 = 4;

/// Why a match could not be decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Abort {
    /// Backtracking nested deeper than the depth limit.
    TooDeep,
}

type Step = Result<Option<usize>, Abort>;

/// A successful match: where it starts and ends, and the group marks.
#[derive(Debug, Clone)]
pub struct Found {
    /// Start of the match.
    pub start: usize,
    /// End of the match.
    pub end: usize,
    /// Group boundaries: `marks[2g]`, `marks[2g+1]` for group `g + 1`.
    pub marks: Vec<Option<usize>>,
    /// The last group that was closed.
    pub lastindex: Option<usize>,
}

/// What to match and how.
#[derive(Clone, Copy)]
pub struct Request<'a> {
    /// The compiled code.
    pub code: &'a [u32],
    /// The subject.
    pub text: &'a [u32],
    /// Where matching starts.
    pub pos: usize,
    /// Where the subject ends for this match (`endpos`).
    pub end: usize,
    /// Number of capturing groups.
    pub groups: usize,
    /// The match must end at `end` (`fullmatch`).
    pub match_all: bool,
    /// An empty match at `pos` is not allowed (after an empty match, for `finditer` & co).
    pub must_advance: bool,
    /// The nesting bound.
    pub depth_limit: usize,
}

struct Repeat {
    count: i64,
    body: usize,
    min: u32,
    max: u32,
    last_pos: Option<usize>,
    top: bool,
}

struct Matcher<'a> {
    req: Request<'a>,
    marks: Vec<Option<usize>>,
    lastindex: Option<usize>,
    repeats: Vec<Repeat>,
    depth: usize,
    /// Where the current attempt started.
    start: usize,
}

type Saved = (Vec<Option<usize>>, Option<usize>);

impl<'a> Matcher<'a> {
    fn at(&self, i: usize) -> u32 {
        self.req.code.get(i).copied().unwrap_or(op::FAILURE)
    }

    fn ch(&self, pos: usize) -> Option<u32> {
        if pos < self.req.end {
            self.req.text.get(pos).copied()
        } else {
            None
        }
    }

    fn save(&self) -> Saved {
        (self.marks.clone(), self.lastindex)
    }

    fn restore(&mut self, s: &Saved) {
        self.marks.clone_from(&s.0);
        self.lastindex = s.1;
    }

    /// The code after the skip word at `i` (`i + code[i]`).
    fn skip(&self, i: usize) -> usize {
        i.saturating_add(self.at(i) as usize)
    }

    fn run(&mut self, pc: usize, pos: usize, top: bool) -> Step {
        if self.depth >= self.req.depth_limit {
            return Err(Abort::TooDeep);
        }
        self.depth += 1;
        let r = self.exec(pc, pos, top);
        self.depth -= 1;
        r
    }

    fn group_span(&self, g: usize) -> Option<(usize, usize)> {
        match (
            self.marks.get(2 * g).copied().flatten(),
            self.marks.get(2 * g + 1).copied().flatten(),
        ) {
            (Some(s), Some(e)) if s <= e => Some((s, e)),
            _ => None,
        }
    }

    fn at_code(&self, code: u32, pos: usize) -> bool {
        let end = self.req.end;
        let text = self.req.text;
        let prev = |p: usize| {
            if p > 0 {
                text.get(p - 1).copied()
            } else {
                None
            }
        };
        let boundary = |word: fn(u32) -> bool| {
            if end == 0 {
                return None;
            }
            let that = prev(pos).is_some_and(word);
            let this = self.ch(pos).is_some_and(word);
            Some(this != that)
        };
        match code {
            at::BEGINNING | at::BEGINNING_STRING => pos == 0,
            at::BEGINNING_LINE => pos == 0 || prev(pos) == Some(10),
            at::END => pos == end || (pos + 1 == end && self.ch(pos) == Some(10)),
            at::END_LINE => pos == end || self.ch(pos) == Some(10),
            at::END_STRING => pos == end,
            at::BOUNDARY | at::LOC_BOUNDARY => boundary(chars::is_word) == Some(true),
            at::NON_BOUNDARY | at::LOC_NON_BOUNDARY => boundary(chars::is_word) == Some(false),
            at::UNI_BOUNDARY => boundary(chars::is_uni_word) == Some(true),
            at::UNI_NON_BOUNDARY => boundary(chars::is_uni_word) == Some(false),
            _ => false,
        }
    }

    /// Whether `ch` is in the set whose code starts at `pc` (ends with `FAILURE`).
    fn in_set(&self, mut pc: usize, ch: u32) -> bool {
        let mut ok = true;
        loop {
            match self.at(pc) {
                op::FAILURE => return !ok,
                op::LITERAL => {
                    if ch == self.at(pc + 1) {
                        return ok;
                    }
                    pc += 2;
                }
                op::CATEGORY => {
                    if chars::category(self.at(pc + 1), ch) {
                        return ok;
                    }
                    pc += 2;
                }
                op::CHARSET => {
                    if ch < 256 && self.at(pc + 1 + (ch as usize >> 5)) & (1 << (ch & 31)) != 0 {
                        return ok;
                    }
                    pc += 9;
                }
                op::RANGE => {
                    if self.at(pc + 1) <= ch && ch <= self.at(pc + 2) {
                        return ok;
                    }
                    pc += 3;
                }
                op::RANGE_UNI_IGNORE => {
                    let (lo, hi) = (self.at(pc + 1), self.at(pc + 2));
                    if lo <= ch && ch <= hi {
                        return ok;
                    }
                    let up = chars::upper_unicode(ch);
                    if lo <= up && up <= hi {
                        return ok;
                    }
                    pc += 3;
                }
                op::NEGATE => {
                    ok = !ok;
                    pc += 1;
                }
                op::BIGCHARSET => {
                    let count = self.at(pc + 1) as usize;
                    let blocks = pc + 2 + 64;
                    if ch < 65536 {
                        let hi = (ch >> 8) as usize;
                        let word = self.at(pc + 2 + hi / 4);
                        let block = ((word >> (8 * (hi % 4))) & 255) as usize;
                        let lo = ch & 255;
                        let w = self.at(blocks + block * 8 + (lo as usize >> 5));
                        if w & (1 << (lo & 31)) != 0 {
                            return ok;
                        }
                    }
                    pc = blocks + count * 8;
                }
                _ => return false,
            }
        }
    }

    /// Whether the single-character item at `pc` matches at `pos` (without calling `run`
    /// for the simple items).
    fn item_matches(&mut self, pc: usize, pos: usize) -> Result<bool, Abort> {
        let Some(c) = self.ch(pos) else {
            return Ok(false);
        };
        Ok(match self.at(pc) {
            op::ANY => c != 10,
            op::ANY_ALL => true,
            op::LITERAL => c == self.at(pc + 1),
            op::NOT_LITERAL => c != self.at(pc + 1),
            op::LITERAL_IGNORE => chars::lower_ascii(c) == self.at(pc + 1),
            op::NOT_LITERAL_IGNORE => chars::lower_ascii(c) != self.at(pc + 1),
            op::LITERAL_UNI_IGNORE => chars::lower_unicode(c) == self.at(pc + 1),
            op::NOT_LITERAL_UNI_IGNORE => chars::lower_unicode(c) != self.at(pc + 1),
            op::LITERAL_LOC_IGNORE => loc_eq(self.at(pc + 1), c),
            op::NOT_LITERAL_LOC_IGNORE => !loc_eq(self.at(pc + 1), c),
            op::IN => self.in_set(pc + 2, c),
            op::IN_IGNORE => self.in_set(pc + 2, chars::lower_ascii(c)),
            op::IN_UNI_IGNORE => self.in_set(pc + 2, chars::lower_unicode(c)),
            op::IN_LOC_IGNORE => {
                self.in_set(pc + 2, c) || self.in_set(pc + 2, chars::lower_ascii(c))
            }
            op::CATEGORY => chars::category(self.at(pc + 1), c),
            _ => {
                let saved = self.save();
                let r = self.run(pc, pos, false)? == Some(pos + 1);
                if !r {
                    self.restore(&saved);
                }
                r
            }
        })
    }

    /// How many times (at most `max`) the single-character item at `pc` matches from `pos`.
    fn count(&mut self, pc: usize, pos: usize, max: u32) -> Result<usize, Abort> {
        let avail = self.req.end.saturating_sub(pos);
        let limit = if max == MAXREPEAT {
            avail
        } else {
            avail.min(max as usize)
        };
        if self.at(pc) == op::ANY_ALL {
            return Ok(limit);
        }
        let mut n = 0;
        while n < limit && self.item_matches(pc, pos + n)? {
            n += 1;
        }
        Ok(n)
    }

    fn groupref(&self, g: usize, pos: usize, fold: fn(u32) -> u32) -> Option<usize> {
        let (s, e) = self.group_span(g)?;
        let len = e - s;
        if pos + len > self.req.end {
            return None;
        }
        let text = self.req.text;
        for i in 0..len {
            if fold(text[s + i]) != fold(text[pos + i]) {
                return None;
            }
        }
        Some(pos + len)
    }

    fn exec(&mut self, mut pc: usize, mut pos: usize, top: bool) -> Step {
        loop {
            let opcode = self.at(pc);
            match opcode {
                op::FAILURE => return Ok(None),
                op::SUCCESS => {
                    if top {
                        if self.req.match_all && pos != self.req.end {
                            return Ok(None);
                        }
                        if self.req.must_advance && self.start == self.req.pos && pos == self.start
                        {
                            return Ok(None);
                        }
                    }
                    return Ok(Some(pos));
                }
                op::AT => {
                    if !self.at_code(self.at(pc + 1), pos) {
                        return Ok(None);
                    }
                    pc += 2;
                }
                op::ANY
                | op::ANY_ALL
                | op::LITERAL
                | op::NOT_LITERAL
                | op::LITERAL_IGNORE
                | op::NOT_LITERAL_IGNORE
                | op::LITERAL_UNI_IGNORE
                | op::NOT_LITERAL_UNI_IGNORE
                | op::LITERAL_LOC_IGNORE
                | op::NOT_LITERAL_LOC_IGNORE
                | op::CATEGORY => {
                    if !self.item_matches(pc, pos)? {
                        return Ok(None);
                    }
                    pos += 1;
                    pc += if matches!(opcode, op::ANY | op::ANY_ALL) {
                        1
                    } else {
                        2
                    };
                }
                op::IN | op::IN_IGNORE | op::IN_UNI_IGNORE | op::IN_LOC_IGNORE => {
                    if !self.item_matches(pc, pos)? {
                        return Ok(None);
                    }
                    pos += 1;
                    pc = self.skip(pc + 1);
                }
                op::INFO => {
                    let min = self.at(pc + 3) as usize;
                    if self.req.end.saturating_sub(pos) < min {
                        return Ok(None);
                    }
                    pc = self.skip(pc + 1);
                }
                op::JUMP => pc = self.skip(pc + 1),
                op::MARK => {
                    let i = self.at(pc + 1) as usize;
                    if i >= self.marks.len() {
                        self.marks.resize(i + 1, None);
                    }
                    self.marks[i] = Some(pos);
                    if i & 1 == 1 {
                        self.lastindex = Some(i / 2 + 1);
                    }
                    pc += 2;
                }
                op::BRANCH => {
                    let saved = self.save();
                    let mut alt = pc + 1;
                    while self.at(alt) != 0 {
                        if let Some(e) = self.run(alt + 1, pos, top)? {
                            return Ok(Some(e));
                        }
                        self.restore(&saved);
                        alt = self.skip(alt);
                    }
                    return Ok(None);
                }
                op::GROUPREF
                | op::GROUPREF_IGNORE
                | op::GROUPREF_UNI_IGNORE
                | op::GROUPREF_LOC_IGNORE => {
                    let g = self.at(pc + 1) as usize;
                    let fold: fn(u32) -> u32 = match opcode {
                        op::GROUPREF => |c| c,
                        op::GROUPREF_UNI_IGNORE => chars::lower_unicode,
                        _ => chars::lower_ascii,
                    };
                    match self.groupref(g, pos, fold) {
                        Some(p) => pos = p,
                        None => return Ok(None),
                    }
                    pc += 2;
                }
                op::GROUPREF_EXISTS => {
                    let g = self.at(pc + 1) as usize;
                    pc = if self.group_span(g).is_some() {
                        pc + 3
                    } else {
                        self.skip(pc + 2) - 1
                    };
                }
                op::ASSERT | op::ASSERT_NOT => {
                    let back = self.at(pc + 2) as usize;
                    let tail = self.skip(pc + 1);
                    let found = if back > pos {
                        None
                    } else {
                        let saved = self.save();
                        let r = self.run(pc + 3, pos - back, false)?;
                        if r.is_none() || opcode == op::ASSERT_NOT {
                            self.restore(&saved);
                        }
                        r
                    };
                    if found.is_some() != (opcode == op::ASSERT) {
                        return Ok(None);
                    }
                    pc = tail;
                }
                op::ATOMIC_GROUP => {
                    let tail = self.skip(pc + 1);
                    match self.run(pc + 2, pos, false)? {
                        Some(p) => pos = p,
                        None => return Ok(None),
                    }
                    pc = tail;
                }
                op::REPEAT_ONE | op::MIN_REPEAT_ONE | op::POSSESSIVE_REPEAT_ONE => {
                    return self.repeat_one(opcode, pc, pos, top);
                }
                op::POSSESSIVE_REPEAT => match self.possessive(pc, pos)? {
                    Some(p) => {
                        pos = p;
                        pc = self.skip(pc + 1) + 1;
                    }
                    None => return Ok(None),
                },
                op::REPEAT => {
                    self.repeats.push(Repeat {
                        count: -1,
                        body: pc + 4,
                        min: self.at(pc + 2),
                        max: self.at(pc + 3),
                        last_pos: None,
                        top,
                    });
                    let r = self.run(self.skip(pc + 1), pos, top);
                    self.repeats.pop();
                    return r;
                }
                op::MAX_UNTIL | op::MIN_UNTIL => return self.until(opcode, pc, pos),
                _ => return Ok(None),
            }
        }
    }

    /// `REPEAT_ONE`, `MIN_REPEAT_ONE`, `POSSESSIVE_REPEAT_ONE`: a repeat of one character.
    fn repeat_one(&mut self, opcode: u32, pc: usize, pos: usize, top: bool) -> Step {
        let (min, max) = (self.at(pc + 2), self.at(pc + 3));
        let item = pc + 4;
        let tail = self.skip(pc + 1);
        if min as usize > self.req.end.saturating_sub(pos) {
            return Ok(None);
        }
        match opcode {
            op::POSSESSIVE_REPEAT_ONE => {
                let n = self.count(item, pos, max)?;
                if n < min as usize {
                    return Ok(None);
                }
                self.run(tail, pos + n, top)
            }
            op::REPEAT_ONE => {
                let mut n = self.count(item, pos, max)?;
                if n < min as usize {
                    return Ok(None);
                }
                let saved = self.save();
                let next_literal = (self.at(tail) == op::LITERAL).then(|| self.at(tail + 1));
                loop {
                    let try_here = match next_literal {
                        Some(c) => self.ch(pos + n) == Some(c),
                        None => true,
                    };
                    if try_here {
                        if let Some(e) = self.run(tail, pos + n, top)? {
                            return Ok(Some(e));
                        }
                        self.restore(&saved);
                    }
                    if n == min as usize {
                        return Ok(None);
                    }
                    n -= 1;
                }
            }
            _ => {
                let mut n = if min == 0 {
                    0
                } else {
                    let n = self.count(item, pos, min)?;
                    if n < min as usize {
                        return Ok(None);
                    }
                    n
                };
                let saved = self.save();
                loop {
                    if let Some(e) = self.run(tail, pos + n, top)? {
                        return Ok(Some(e));
                    }
                    self.restore(&saved);
                    if max != MAXREPEAT && n >= max as usize {
                        return Ok(None);
                    }
                    if !self.item_matches(item, pos + n)? {
                        return Ok(None);
                    }
                    n += 1;
                }
            }
        }
    }

    /// `POSSESSIVE_REPEAT`: repeats the body greedily without giving any iteration back;
    /// returns where the repeat ends.
    fn possessive(&mut self, pc: usize, pos: usize) -> Step {
        let (min, max) = (self.at(pc + 2), self.at(pc + 3));
        let body = pc + 4;
        let mut pos = pos;
        let mut n: u64 = 0;
        while n < min as u64 {
            match self.run(body, pos, false)? {
                Some(p) => pos = p,
                None => return Ok(None),
            }
            n += 1;
        }
        while max == MAXREPEAT || n < max as u64 {
            let saved = self.save();
            match self.run(body, pos, false)? {
                Some(p) if p != pos => {
                    pos = p;
                    n += 1;
                }
                Some(_) => {
                    break;
                }
                None => {
                    self.restore(&saved);
                    break;
                }
            }
        }
        Ok(Some(pos))
    }

    /// `MAX_UNTIL` / `MIN_UNTIL`: the end of a repeat's body; decides between another
    /// iteration and the tail.
    fn until(&mut self, opcode: u32, pc: usize, pos: usize) -> Step {
        let Some(rp) = self.repeats.last_mut() else {
            return Ok(None);
        };
        let count = rp.count + 1;
        let (body, min, max, last, top) = (rp.body, rp.min, rp.max, rp.last_pos, rp.top);
        let more_allowed = max == MAXREPEAT || count < max as i64;
        if count < min as i64 {
            rp.count = count;
            let r = self.run(body, pos, false)?;
            if r.is_none() {
                if let Some(rp) = self.repeats.last_mut() {
                    rp.count = count - 1;
                }
            }
            return Ok(r);
        }
        let tail = pc + 1;
        if opcode == op::MAX_UNTIL {
            if more_allowed && last != Some(pos) {
                let saved = self.save();
                if let Some(rp) = self.repeats.last_mut() {
                    rp.count = count;
                    rp.last_pos = Some(pos);
                }
                if let Some(e) = self.run(body, pos, false)? {
                    return Ok(Some(e));
                }
                self.restore(&saved);
                if let Some(rp) = self.repeats.last_mut() {
                    rp.count = count - 1;
                    rp.last_pos = last;
                }
            }
            return self.tail_of_repeat(tail, pos, top);
        }
        let saved = self.save();
        if let Some(e) = self.tail_of_repeat(tail, pos, top)? {
            return Ok(Some(e));
        }
        self.restore(&saved);
        if !more_allowed || last == Some(pos) {
            return Ok(None);
        }
        if let Some(rp) = self.repeats.last_mut() {
            rp.count = count;
            rp.last_pos = Some(pos);
        }
        let r = self.run(body, pos, false)?;
        if r.is_none() {
            if let Some(rp) = self.repeats.last_mut() {
                rp.count = count - 1;
                rp.last_pos = last;
            }
        }
        Ok(r)
    }

    /// Matches the tail after a repeat with the repeat's context popped.
    fn tail_of_repeat(&mut self, tail: usize, pos: usize, top: bool) -> Step {
        let Some(rp) = self.repeats.pop() else {
            return Ok(None);
        };
        let r = self.run(tail, pos, top);
        self.repeats.push(rp);
        r
    }
}

/// Locale-aware case-insensitive equality, for the C locale (ASCII).
fn loc_eq(pattern: u32, ch: u32) -> bool {
    ch == pattern
        || chars::lower_ascii(ch) == pattern
        || chars::lower_ascii(pattern) == chars::lower_ascii(ch)
}

/// Matches at `req.pos` only.
pub fn match_here(req: Request<'_>) -> Result<Option<Found>, Abort> {
    let mut m = Matcher {
        req,
        marks: vec![None; req.groups * 2],
        lastindex: None,
        repeats: Vec::new(),
        depth: 0,
        start: req.pos,
    };
    if req.pos > req.end {
        return Ok(None);
    }
    Ok(m.run(0, req.pos, true)?.map(|end| Found {
        start: req.pos,
        end,
        marks: m.marks,
        lastindex: m.lastindex,
    }))
}

/// The literal prefix or first-character set the `INFO` block gives, to skip hopeless
/// start positions.
enum Hint {
    None,
    Prefix(Vec<u32>),
    Charset(usize),
}

fn hint(code: &[u32]) -> Hint {
    if code.first() != Some(&op::INFO) {
        return Hint::None;
    }
    let get = |i: usize| code.get(i).copied().unwrap_or(0);
    let flags = get(2);
    if flags & INFO_PREFIX != 0 {
        let len = get(5) as usize;
        let start = 7;
        if start + len <= code.len() && len > 0 {
            return Hint::Prefix(code[start..start + len].to_vec());
        }
    } else if flags & INFO_CHARSET != 0 {
        return Hint::Charset(5);
    }
    Hint::None
}

/// Finds the first match starting at or after `req.pos`.
pub fn search(req: Request<'_>) -> Result<Option<Found>, Abort> {
    if req.pos > req.end {
        return Ok(None);
    }
    let hint = hint(req.code);
    let mut m = Matcher {
        req,
        marks: vec![None; req.groups * 2],
        lastindex: None,
        repeats: Vec::new(),
        depth: 0,
        start: req.pos,
    };
    let mut start = req.pos;
    loop {
        let candidate = match &hint {
            Hint::None => true,
            Hint::Prefix(p) => {
                start + p.len() <= req.end && req.text[start..start + p.len()] == p[..]
            }
            Hint::Charset(set) => m.ch(start).is_some_and(|c| m.in_set(*set, c)),
        };
        if candidate {
            m.start = start;
            m.marks.iter_mut().for_each(|x| *x = None);
            m.lastindex = None;
            m.repeats.clear();
            if let Some(end) = m.run(0, start, true)? {
                return Ok(Some(Found {
                    start,
                    end,
                    marks: m.marks,
                    lastindex: m.lastindex,
                }));
            }
        }
        if start >= req.end {
            return Ok(None);
        }
        start += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Code from CPython 3.11's `re._compiler._code` for the patterns named.
    const A_OPT_B_C: &[u32] = &[
        14, 8, 1, 2, 3, 1, 1, 97, 0, 16, 97, 23, 9, 0, 1, 17, 0, 16, 98, 17, 1, 18, 16, 99, 1,
    ];
    const AB_STAR_C: &[u32] = &[
        14, 4, 0, 1, 4294967295, 23, 7, 0, 4294967295, 16, 97, 16, 98, 18, 16, 99, 1,
    ];
    const A_OR_B_PLUS_END: &[u32] = &[
        14, 4, 0, 1, 4294967295, 23, 13, 1, 4294967295, 17, 0, 13, 5, 22, 97, 98, 0, 17, 1, 18, 6,
        5, 1,
    ];
    const WORD_BACKREF: &[u32] = &[
        14, 4, 0, 3, 4294967295, 17, 0, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 17, 1, 16, 32,
        11, 0, 1,
    ];
    const LOOKBEHIND: &[u32] = &[14, 4, 0, 1, 1, 4, 5, 1, 16, 97, 1, 16, 98, 1];

    fn text(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    fn req<'a>(code: &'a [u32], t: &'a [u32], groups: usize) -> Request<'a> {
        Request {
            code,
            text: t,
            pos: 0,
            end: t.len(),
            groups,
            match_all: false,
            must_advance: false,
            depth_limit: 10_000,
        }
    }

    #[test]
    fn optional_group_and_marks() {
        let t = text("abc");
        let f = match_here(req(A_OPT_B_C, &t, 1)).unwrap().unwrap();
        assert_eq!((f.start, f.end), (0, 3));
        assert_eq!(f.marks, vec![Some(1), Some(2)]);
        assert_eq!(f.lastindex, Some(1));
        let t = text("ac");
        let f = match_here(req(A_OPT_B_C, &t, 1)).unwrap().unwrap();
        assert_eq!(f.end, 2);
        assert_eq!(f.marks, vec![None, None]);
    }

    #[test]
    fn repeat_search_and_fullmatch() {
        let t = text("xxababc");
        let f = search(req(AB_STAR_C, &t, 0)).unwrap().unwrap();
        assert_eq!((f.start, f.end), (2, 7));
        let t = text("abab");
        assert!(match_here(req(AB_STAR_C, &t, 0)).unwrap().is_none());
        let t = text("abba");
        let full = Request {
            match_all: true,
            ..req(A_OR_B_PLUS_END, &t, 1)
        };
        let f = match_here(full).unwrap().unwrap();
        assert_eq!(f.marks, vec![Some(3), Some(4)]);
    }

    #[test]
    fn backreference_and_lookbehind() {
        let t = text("hello hello!");
        let f = match_here(req(WORD_BACKREF, &t, 1)).unwrap().unwrap();
        assert_eq!(f.end, 11);
        let t = text("hello help");
        assert!(match_here(req(WORD_BACKREF, &t, 1)).unwrap().is_none());
        let t = text("bab");
        let f = search(req(LOOKBEHIND, &t, 0)).unwrap().unwrap();
        assert_eq!((f.start, f.end), (2, 3));
    }

    #[test]
    fn empty_match_must_advance() {
        let t = text("b");
        let r = Request {
            must_advance: true,
            ..req(AB_STAR_C, &t, 0)
        };
        assert!(search(r).unwrap().is_none());
    }

    #[test]
    fn deep_nesting_reports_too_deep() {
        let t: Vec<u32> = "ab"
            .repeat(5_000)
            .chars()
            .map(|c| c as u32)
            .chain([99])
            .collect();
        let shallow = Request {
            depth_limit: 100,
            ..req(AB_STAR_C, &t, 0)
        };
        assert_eq!(match_here(shallow).unwrap_err(), Abort::TooDeep);
    }

    #[test]
    fn malformed_code_fails_without_panicking() {
        let t = text("aaaa");
        for code in [
            &[23u32, 99, 0][..],
            &[18],
            &[7, 5, 16],
            &[13, 200, 10, 3],
            &[24, 3, 9],
        ] {
            let _ = search(req(code, &t, 0));
        }
    }
}
