//! Mutation fuzzing: random edits of valid programs never panic (they compile, with
//! verified stacks, or give a SyntaxError). Runs the compiler without its panic guard.

use crate::Mode;

const CORPUS: &str = include_str!("corpus.py");

/// Tokens spliced into programs.
const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    "*",
    "**",
    "=",
    ":=",
    "\n",
    "\n    ",
    "    ",
    "\t",
    "'",
    "\"",
    "\"\"\"",
    "f'{",
    "}",
    "!r",
    "lambda",
    "yield",
    "await",
    "async ",
    "def ",
    "class ",
    "return",
    "break",
    "continue",
    "global x",
    "nonlocal x",
    "match x:\n case ",
    "case _:",
    "try:",
    "except*",
    "finally:",
    "with",
    "as",
    "for",
    "in",
    "if",
    "else",
    "elif",
    "del",
    "import",
    "from",
    ".",
    "...",
    "@",
    "->",
    "\\",
    "#",
    "0x",
    "1e",
    "_",
    "x",
    "__class__",
    "super()",
    "not",
    "and",
    "or",
    "is",
    "None",
    "+=",
    "|",
    "~",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn mutate(rng: &mut Rng, src: &str) -> String {
    let mut s = src.to_string();
    for _ in 0..1 + rng.below(3) {
        let a = boundary(&s, rng.below(s.len() + 1));
        let b = boundary(&s, a + rng.below(12));
        match rng.below(5) {
            0 => s.replace_range(a..b, ""),
            1 => s.insert_str(a, TOKENS[rng.below(TOKENS.len())]),
            2 => {
                let piece = s[a..b].to_string();
                let c = boundary(&s, rng.below(s.len() + 1));
                s.insert_str(c, &piece);
            }
            3 => s.replace_range(a..b, TOKENS[rng.below(TOKENS.len())]),
            _ => {
                let c = char::from_u32(rng.below(0x80) as u32).unwrap_or('x');
                s.insert(a, c);
            }
        }
    }
    s
}

#[test]
fn mutations_never_panic() {
    let snippets: Vec<&str> = CORPUS.split("\n# ----\n").collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut compiled = 0;
    for _ in 0..20000 {
        let base = snippets[rng.below(snippets.len())];
        let src = mutate(&mut rng, base);
        let result = std::panic::catch_unwind(|| crate::compile_inner(&src, "<fuzz>", Mode::Exec));
        match result {
            Err(_) => panic!("compiler panicked on:\n{src}"),
            Ok(Ok(code)) => {
                compiled += 1;
                if let Err(e) = crate::stack::verify_all(&code) {
                    panic!("stack verification failed: {e}\n{src}");
                }
            }
            Ok(Err(_)) => {}
        }
    }
    assert!(
        compiled > 1000,
        "too few mutants compiled ({compiled}): the fuzzer is not reaching the compiler"
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = format!("x = {}1{}", "(".repeat(300), ")".repeat(300));
    assert!(crate::compile(&deep, "<deep>", Mode::Exec).is_err());
    let long_sum = format!("x = {}1", "1 + ".repeat(20000));
    crate::compile(&long_sum, "<sum>", Mode::Exec).expect("long sums compile");
    for n in [2000, 5000] {
        let unary = format!("x = {}y", "-".repeat(n));
        crate::compile(&unary, "<unary>", Mode::Exec).expect("unary chains compile");
        let nots = format!("x = {}y", "not ".repeat(n / 4));
        crate::compile(&nots, "<not>", Mode::Exec).expect("not chains compile");
    }
}
