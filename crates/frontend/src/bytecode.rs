//! The bytecode: instruction set, constants and code objects.
//!
//! A stack bytecode close to CPython 3.11's. Where an opcode shares a CPython name it has
//! CPython 3.11's stack effect and meaning (see CPython's `dis` documentation) unless its doc
//! comment here says otherwise. Jump arguments are absolute instruction indices. Exceptions
//! are zero-cost: handlers are found in [`CodeObject::exception_table`] by pc range; there is
//! no block stack at run time.
//!
//! Locals use CPython's "localsplus" layout: slots `0..varnames.len()` are the plain locals
//! (arguments first), then one slot per cell variable, then one per free variable. The
//! interpreter creates the cells of cell variables and copies the closure's cells into the
//! free-variable slots when it creates a frame (so there is no `MAKE_CELL` or
//! `COPY_FREE_VARS`); a cell variable that is also an argument starts with the argument's value
//! (see [`CodeObject::cell2arg`]).

use num_bigint::BigInt;
use std::fmt;
use std::rc::Rc;

/// Declares the opcode table once: the enum, its names and whether its argument is a jump
/// target. The argument of every instruction is a `u32` (0 when unused).
macro_rules! opcodes {
    ($( $(#[$doc:meta])* $name:ident $(= $jump:ident)? ),* $(,)?) => {
        /// One opcode. See the module docs for the conventions.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Op { $( $(#[$doc])* $name ),* }

        impl Op {
            /// Every opcode, in declaration order.
            pub const ALL: &'static [Op] = &[$(Op::$name),*];

            /// The opcode's printable name, as `--dis` shows it.
            pub fn name(self) -> &'static str {
                match self { $(Op::$name => stringify!($name)),* }
            }

            /// Whether the argument is an absolute jump target.
            pub fn is_jump(self) -> bool {
                match self { $(Op::$name => opcodes!(@jump $($jump)?)),* }
            }
        }
    };
    (@jump jump) => { true };
    (@jump) => { false };
}

opcodes! {
    /// Does nothing.
    Nop,
    /// Pops TOS.
    PopTop,
    /// Pushes a copy of the i-th item counted from the top (1 = TOS), as CPython's `COPY`.
    Copy,
    /// Swaps TOS with the i-th item counted from the top (2 = the one below), as `SWAP`.
    Swap,
    /// Pushes `consts[arg]`.
    LoadConst,
    /// Pushes local slot `arg`; raises `UnboundLocalError` if it is empty.
    LoadFast,
    /// Pops into local slot `arg`.
    StoreFast,
    /// Empties local slot `arg` (raises `UnboundLocalError` if already empty).
    DeleteFast,
    /// Pushes the content of the cell in slot `arg` (a cell or free variable); raises
    /// `NameError`/`UnboundLocalError` (free: "cannot access free variable 'x' where it is not
    /// associated with a value in enclosing scope") if the cell is empty.
    LoadDeref,
    /// Pops into the cell in slot `arg`.
    StoreDeref,
    /// Empties the cell in slot `arg`.
    DeleteDeref,
    /// Pushes the cell object in slot `arg` itself (to build a closure tuple).
    LoadClosure,
    /// Class bodies: looks `names[..]` up in the class namespace first, then in the cell
    /// in slot `arg` (the name is the slot's variable name).
    LoadClassDeref,
    /// Pushes `names[arg]` looked up in locals, then globals, then builtins.
    LoadName,
    /// Pops into the locals mapping under `names[arg]`.
    StoreName,
    /// Deletes `names[arg]` from the locals mapping.
    DeleteName,
    /// Pushes global `names[arg]` (globals, then builtins). Unlike CPython, never pushes NULL.
    LoadGlobal,
    /// Pops into global `names[arg]`.
    StoreGlobal,
    /// Deletes global `names[arg]`.
    DeleteGlobal,
    /// Replaces TOS with `getattr(TOS, names[arg])`.
    LoadAttr,
    /// `TOS.names[arg] = TOS1`; pops both.
    StoreAttr,
    /// `del TOS.names[arg]`; pops TOS.
    DeleteAttr,
    /// Replaces TOS (obj) with two items: `[method, obj]` when `names[arg]` is a plain
    /// function found on the type (an unbound method), else `[getattr(obj, name), NULL]`.
    /// (Order differs from CPython's: the callable is below.)
    LoadMethod,
    /// Stack `[callable, self_or_NULL, arg1..argN]` with N = `arg`: calls
    /// `callable(self, *args)` when self is not NULL, else `callable(*args)`.
    CallMethod,
    /// Stack `[callable, arg1..argN]` with N = `arg`: pushes `callable(*args)`.
    Call,
    /// Stack `[callable, arg1..argN, kwnames]`: `kwnames` is a tuple constant of the keyword
    /// names of the last `len(kwnames)` of the N = `arg` arguments.
    CallKw,
    /// Stack `[callable, args_tuple, kwargs_dict]` if `arg & 1`, else `[callable, args_tuple]`:
    /// `callable(*args, **kwargs)`. `args_tuple` is a tuple, `kwargs_dict` a fresh dict.
    CallFunctionEx,
    /// `TOS = TOS1 op TOS` for the [`BinOp`] numbered `arg` (including in-place forms).
    BinaryOp,
    /// `TOS = op TOS` for the [`UnOp`] numbered `arg`.
    UnaryOp,
    /// `TOS = TOS1 cmp TOS` for the [`CmpOp`] numbered `arg`.
    CompareOp,
    /// `TOS = (TOS1 is TOS)`, negated when `arg == 1`.
    IsOp,
    /// `TOS = (TOS1 in TOS)`, negated when `arg == 1`.
    ContainsOp,
    /// `TOS = TOS1[TOS]`.
    BinarySubscr,
    /// `TOS1[TOS] = TOS2`; pops three.
    StoreSubscr,
    /// `del TOS1[TOS]`; pops two.
    DeleteSubscr,
    /// Pops `arg` (2 or 3) items and pushes `slice(...)`.
    BuildSlice,
    /// Pops `arg` items and pushes a tuple of them.
    BuildTuple,
    /// Pops `arg` items and pushes a list of them.
    BuildList,
    /// Pops `arg` items and pushes a set of them.
    BuildSet,
    /// Pops `2*arg` items (key, value, key, value, ...) and pushes a dict.
    BuildMap,
    /// Pops `arg` values and a tuple of keys above them (`[v1..vN, keys]`) and pushes a dict.
    BuildConstKeyMap,
    /// Pops `arg` strings and pushes their concatenation (f-strings).
    BuildString,
    /// f-string field: `arg & 3` is the conversion (0 none, 1 `!s`, 2 `!r`, 3 `!a`); if
    /// `arg & 4`, a format spec string is on TOS above the value. Pushes the formatted str.
    FormatValue,
    /// `list.append(STACK[-arg], TOS)` where STACK[-arg] counts from the top after popping TOS
    /// (comprehensions), as CPython's `LIST_APPEND`.
    ListAppend,
    /// As `ListAppend` for sets (`SET_ADD`).
    SetAdd,
    /// `STACK[-arg][TOS1] = TOS` after popping both (`MAP_ADD`).
    MapAdd,
    /// `STACK[-arg].extend(TOS)`, pops TOS (`LIST_EXTEND`).
    ListExtend,
    /// `STACK[-arg].update(TOS)` for sets (`SET_UPDATE`).
    SetUpdate,
    /// `STACK[-arg].update(TOS)` for dicts (`DICT_UPDATE`).
    DictUpdate,
    /// As `DictUpdate` but raises `TypeError` on a duplicate key, for `f(**a, **b)`
    /// (`DICT_MERGE`); the callable, named in the error message, is at STACK[-arg-2].
    DictMerge,
    /// Replaces the list on TOS with a tuple of its items.
    ListToTuple,
    /// Pops an iterable and pushes exactly `arg` items, the first on top.
    UnpackSequence,
    /// Starred unpacking: `arg & 0xff` items before the star, `arg >> 8` after, as
    /// CPython's `UNPACK_EX`.
    UnpackEx,
    /// Unconditional forward or backward jump that is not a loop back-edge.
    Jump = jump,
    /// A loop back-edge: a safepoint and the place where hot loops are counted.
    JumpBackward = jump,
    /// Pops TOS; jumps if it is false.
    PopJumpIfFalse = jump,
    /// Pops TOS; jumps if it is true.
    PopJumpIfTrue = jump,
    /// Pops TOS; jumps if it is `None`.
    PopJumpIfNone = jump,
    /// Pops TOS; jumps if it is not `None`.
    PopJumpIfNotNone = jump,
    /// If TOS is false, jumps and keeps it; else pops it.
    JumpIfFalseOrPop = jump,
    /// If TOS is true, jumps and keeps it; else pops it.
    JumpIfTrueOrPop = jump,
    /// `TOS = iter(TOS)`.
    GetIter,
    /// Calls `next` on the iterator on TOS and pushes the result; when it is exhausted, pops
    /// the iterator and jumps to `arg` (unlike CPython, which jumps past an `END_FOR`).
    ForIter = jump,
    /// Returns TOS from the frame.
    ReturnValue,
    /// Generators: yields TOS; on resumption the sent value is pushed. `arg` is 0 for a
    /// `yield` expression and 1 for the delegating yield inside the `Send` loop of
    /// `yield from`/`await` (the sub-iterator's value passes through unchanged). An async
    /// generator wraps only `arg == 0` values (CPython 3.11's `ASYNC_GEN_WRAP`), so that an
    /// `await` inside it suspends the coroutine instead of producing an item.
    YieldValue,
    /// `TOS = iter(TOS)` for `yield from` (a generator or coroutine stays as it is; a
    /// coroutine inside a non-coroutine generator raises `TypeError`).
    GetYieldFromIter,
    /// Stack `[receiver, value]`: sends `value` into `receiver` (`next` when value is None and
    /// receiver is not a generator). If it yields `v`: stack becomes `[receiver, v]` and
    /// execution continues. If it returns `r` (StopIteration): stack becomes `[r]` and jumps
    /// to `arg`.
    Send = jump,
    /// `await`: replaces TOS with its awaitable iterator (`__await__`).
    /// `arg` is 0 normally, 1 after `__aenter__` and 2 after `__aexit__` (error messages).
    GetAwaitable,
    /// `TOS = TOS.__aiter__()`.
    GetAIter,
    /// Pushes the awaitable of `TOS.__anext__()` (TOS stays).
    GetANext,
    /// End of an `async for` loop's handler: stack `[aiter, exc]`; if `exc` is
    /// `StopAsyncIteration` pops both, else re-raises it.
    EndAsyncFor,
    /// `raise`: `arg` 0 re-raises the handled exception, 1 raises TOS, 2 raises TOS1 from TOS.
    RaiseVarargs,
    /// Handler entry: stack `[..., exc]` becomes `[..., prev_exc_info, exc]` and `exc`
    /// becomes the handled exception (`sys.exc_info()`).
    PushExcInfo,
    /// Handler exit: pops `prev_exc_info` from TOS and restores it as the handled exception.
    PopExcept,
    /// Re-raises TOS (the exception), keeping its traceback. If `arg` = n is non-zero,
    /// `STACK[-(n+1)]` (n items below TOS) is the `lasti` int pushed by the exception table,
    /// which the interpreter may use to restore the frame's pc before unwinding: `Reraise 1`
    /// for `[..., lasti, exc]`, `Reraise 2` for `with`'s `[exit, lasti, prev_exc, exc]` (as
    /// CPython 3.11's `RERAISE`). The stack is unwound by the exception table either way.
    Reraise,
    /// Stack `[exc, type]` becomes `[exc, isinstance(exc, type)]` (the type is replaced by
    /// the bool, `exc` stays; type may be a tuple), as CPython 3.11's `CHECK_EXC_MATCH`;
    /// raises `TypeError` if type is not an exception class or tuple of them.
    CheckExcMatch,
    /// `except*`: stack `[eg, type]` becomes `[rest, match]` as CPython's `CHECK_EG_MATCH`
    /// (`match` is None when nothing matched).
    CheckEgMatch,
    /// `except*` end: stack `[orig, list_of_raised]` becomes `[exc_to_raise_or_None]`
    /// (CPython's `PREP_RERAISE_STAR`).
    PrepReraiseStar,
    /// Pushes `AssertionError`.
    LoadAssertionError,
    /// `with`: stack `[mgr]` becomes `[bound __exit__, mgr.__enter__()]`.
    BeforeWith,
    /// `async with`: stack `[mgr]` becomes `[bound __aexit__, awaitable of __aenter__()]`.
    BeforeAsyncWith,
    /// Stack `[exit_func, lasti, prev_exc, exc]`: pushes `exit_func(type, exc, tb)`.
    WithExceptStart,
    /// Pushes `builtins.__build_class__`.
    LoadBuildClass,
    /// Creates a function from the code object on TOS. Below it, in this order from bottom:
    /// defaults tuple (`arg & 1`), kw-defaults dict (`arg & 2`), annotations dict (`arg & 4`),
    /// closure tuple of cells (`arg & 8`). The qualified name comes from the code object.
    MakeFunction,
    /// Creates `__annotations__` in the locals mapping if missing.
    SetupAnnotations,
    /// Stack `[level, fromlist]`: imports `names[arg]` (`__import__`) and pushes the module.
    ImportName,
    /// Pushes `TOS.names[arg]` (the module stays); `ImportError` "cannot import name".
    ImportFrom,
    /// `from TOS import *` into the locals mapping; pops the module.
    ImportStar,
    /// Pops TOS and prints its repr if not None (interactive mode), setting `builtins._`.
    PrintExpr,
    /// Pushes `len(TOS)` (TOS stays) — match statements.
    GetLen,
    /// Pushes whether TOS is a mapping (`collections.abc.Mapping` semantics) — match.
    MatchMapping,
    /// Pushes whether TOS is a sequence (not str/bytes/bytearray) — match.
    MatchSequence,
    /// Stack `[subject, keys_tuple]`: pushes a tuple of the values for the keys, or None if
    /// one is missing — match.
    MatchKeys,
    /// Stack `[subject, cls, kw_names_tuple]` becomes `[attrs_tuple_or_None]`; `arg` is the
    /// number of positional sub-patterns — match (CPython's `MATCH_CLASS`).
    MatchClass,
    /// Stack `[subject, keys_tuple]` becomes `[subject, rest_dict]` with the keys removed
    /// (`**rest` in mapping patterns).
    CopyDictWithoutKeys,
}

/// The binary operators of [`Op::BinaryOp`], plain then in-place, numbered in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
    IAdd,
    ISub,
    IMul,
    IMatMul,
    ITrueDiv,
    IFloorDiv,
    IMod,
    IPow,
    ILShift,
    IRShift,
    IAnd,
    IOr,
    IXor,
}

impl BinOp {
    /// All operators in numbering order (`BinOp::ALL[arg]`).
    pub const ALL: [BinOp; 26] = [
        BinOp::Add,
        BinOp::Sub,
        BinOp::Mul,
        BinOp::MatMul,
        BinOp::TrueDiv,
        BinOp::FloorDiv,
        BinOp::Mod,
        BinOp::Pow,
        BinOp::LShift,
        BinOp::RShift,
        BinOp::And,
        BinOp::Or,
        BinOp::Xor,
        BinOp::IAdd,
        BinOp::ISub,
        BinOp::IMul,
        BinOp::IMatMul,
        BinOp::ITrueDiv,
        BinOp::IFloorDiv,
        BinOp::IMod,
        BinOp::IPow,
        BinOp::ILShift,
        BinOp::IRShift,
        BinOp::IAnd,
        BinOp::IOr,
        BinOp::IXor,
    ];

    /// Decodes an instruction argument.
    pub fn from_arg(arg: u32) -> Option<BinOp> {
        BinOp::ALL.get(arg as usize).copied()
    }

    /// Whether this is an augmented-assignment form (`+=`, ...).
    pub fn is_inplace(self) -> bool {
        (self as u8) >= BinOp::IAdd as u8
    }

    /// The plain operator of an in-place one (identity for plain ones).
    pub fn plain(self) -> BinOp {
        if self.is_inplace() {
            BinOp::ALL[self as usize - 13]
        } else {
            self
        }
    }

    /// The operator symbol as in Python source and error messages (`+`, `+=`, ...).
    pub fn symbol(self) -> &'static str {
        const SYMS: [&str; 26] = [
            "+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "+=", "-=", "*=",
            "@=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=",
        ];
        SYMS[self as usize]
    }
}

/// The unary operators of [`Op::UnaryOp`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum UnOp {
    /// `-x`
    Neg,
    /// `+x`
    Pos,
    /// `~x`
    Invert,
    /// `not x` (pushes a bool)
    Not,
}

impl UnOp {
    /// Decodes an instruction argument.
    pub fn from_arg(arg: u32) -> Option<UnOp> {
        [UnOp::Neg, UnOp::Pos, UnOp::Invert, UnOp::Not]
            .get(arg as usize)
            .copied()
    }
}

/// The rich comparisons of [`Op::CompareOp`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpOp {
    /// Decodes an instruction argument.
    pub fn from_arg(arg: u32) -> Option<CmpOp> {
        [
            CmpOp::Lt,
            CmpOp::Le,
            CmpOp::Eq,
            CmpOp::Ne,
            CmpOp::Gt,
            CmpOp::Ge,
        ]
        .get(arg as usize)
        .copied()
    }

    /// The operator symbol (`<`, `<=`, ...).
    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }
}

/// One instruction: an opcode and its argument (8 bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instr {
    /// What to do.
    pub op: Op,
    /// The argument; its meaning depends on `op`.
    pub arg: u32,
}

/// A compile-time constant.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    None,
    Bool(bool),
    /// An int that fits in an `i64`.
    Int(i64),
    /// An int that does not.
    BigInt(BigInt),
    Float(f64),
    /// A complex literal `(real, imag)`.
    Complex(f64, f64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[Const]>),
    /// A frozenset (from `x in {1, 2}` folding).
    FrozenSet(Rc<[Const]>),
    Ellipsis,
    Code(Rc<CodeObject>),
}

/// Code-object flags, as CPython's `co_flags` bits.
pub mod flags {
    /// The frame gets a fresh locals mapping-free fast-locals array (functions).
    pub const OPTIMIZED: u32 = 0x1;
    /// A new locals dict (class bodies and modules use names, not fast locals).
    pub const NEWLOCALS: u32 = 0x2;
    /// Has `*args`.
    pub const VARARGS: u32 = 0x4;
    /// Has `**kwargs`.
    pub const VARKEYWORDS: u32 = 0x8;
    /// A nested function.
    pub const NESTED: u32 = 0x10;
    /// A generator function.
    pub const GENERATOR: u32 = 0x20;
    /// An `async def` function.
    pub const COROUTINE: u32 = 0x80;
    /// An async generator function.
    pub const ASYNC_GENERATOR: u32 = 0x200;
}

/// One exception-table entry: an exception raised at a pc in `start..end` unwinds the value
/// stack to `depth` items, pushes the pc of the raising instruction (as an int) if `lasti`,
/// pushes the exception and jumps to `target`. Entries are searched in order; the first whose
/// range contains the pc wins (the compiler emits innermost entries first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    /// First covered instruction index.
    pub start: u32,
    /// One past the last covered instruction index.
    pub end: u32,
    /// The handler's first instruction.
    pub target: u32,
    /// Value-stack depth to unwind to.
    pub depth: u32,
    /// Whether to push the raising pc before the exception.
    pub lasti: bool,
}

/// The source position of one instruction (1-based lines, 0-based UTF-8 columns as CPython).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Location {
    /// First line.
    pub line: u32,
    /// Last line.
    pub end_line: u32,
    /// Start column (0-based, in UTF-8 bytes like CPython's `co_positions`).
    pub col: u32,
    /// End column.
    pub end_col: u32,
}

/// A compiled code block: module, class body, function, lambda, comprehension or generator
/// expression. Immutable once built.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    /// The function name (`<module>`, `<lambda>`, `<listcomp>`, ...).
    pub name: Rc<str>,
    /// The qualified name (`C.f.<locals>.g`).
    pub qualname: Rc<str>,
    /// The source file name as given to the compiler.
    pub filename: Rc<str>,
    /// The line of the `def`/`class` (1 for modules).
    pub firstlineno: u32,
    /// Number of positional parameters (including positional-only).
    pub argcount: u32,
    /// Number of positional-only parameters.
    pub posonlyargcount: u32,
    /// Number of keyword-only parameters.
    pub kwonlyargcount: u32,
    /// [`flags`] bits.
    pub flags: u32,
    /// Local variable names: parameters first (positional, keyword-only, `*args`,
    /// `**kwargs`, in this order), then the other locals.
    pub varnames: Vec<Rc<str>>,
    /// Names of cell variables (locals captured by inner scopes).
    pub cellvars: Vec<Rc<str>>,
    /// Names of free variables (captured from outer scopes), in closure-tuple order.
    pub freevars: Vec<Rc<str>>,
    /// For each cell variable, the index of the argument it is initialized from, if any.
    pub cell2arg: Vec<Option<u32>>,
    /// Names used by name, global and attribute instructions.
    pub names: Vec<Rc<str>>,
    /// Constants.
    pub consts: Vec<Const>,
    /// The instructions.
    pub code: Vec<Instr>,
    /// One location per instruction.
    pub locations: Vec<Location>,
    /// Exception handlers by pc range.
    pub exception_table: Vec<ExceptionEntry>,
    /// The docstring, if the body starts with one.
    pub docstring: Option<Rc<str>>,
}

impl CodeObject {
    /// Number of localsplus slots: locals, then cells, then free variables.
    pub fn nlocalsplus(&self) -> usize {
        self.varnames.len() + self.cellvars.len() + self.freevars.len()
    }

    /// The name of localsplus slot `i`.
    pub fn localsplus_name(&self, i: usize) -> &Rc<str> {
        let nl = self.varnames.len();
        let nc = self.cellvars.len();
        if i < nl {
            &self.varnames[i]
        } else if i < nl + nc {
            &self.cellvars[i - nl]
        } else {
            &self.freevars[i - nl - nc]
        }
    }

    /// Finds the exception handler covering `pc`.
    pub fn handler_for(&self, pc: u32) -> Option<&ExceptionEntry> {
        self.exception_table
            .iter()
            .find(|e| e.start <= pc && pc < e.end)
    }

    /// Whether a call creates a generator, coroutine or async generator instead of running.
    pub fn is_generator_like(&self) -> bool {
        self.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0
    }
}

impl fmt::Display for Instr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.op.name(), self.arg)
    }
}
