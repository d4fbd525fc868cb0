//! Assembly: labels → pcs, handler depths by flow analysis, exception table, flags.

use super::{Item, Unit, UnitKind};
use crate::bytecode::{flags, CodeObject, ExceptionEntry, Instr, Op};
use crate::stack::{is_terminal, stack_effect};
use crate::symtable::Scope;
use std::rc::Rc;

/// Turns a finished unit into a code object.
pub(super) fn assemble(u: Unit<'_>, st: &Scope, filename: &Rc<str>) -> CodeObject {
    let label_item = |l: super::Label| u.labels.get(l.0 as usize).copied().flatten();
    let (handler_depth, reachable) = handler_depths(&u, &label_item);

    // Item index → pc; unreachable instructions are dropped.
    let mut pc_of_item = Vec::with_capacity(u.items.len() + 1);
    let mut pc = 0u32;
    for (i, it) in u.items.iter().enumerate() {
        pc_of_item.push(pc);
        if matches!(it, Item::Instr { .. }) && reachable[i] {
            pc += 1;
        }
    }
    pc_of_item.push(pc);
    let label_pc = |l: super::Label| label_item(l).map_or(pc, |i| pc_of_item[i as usize]);

    let mut code = Vec::with_capacity(pc as usize);
    let mut locations = Vec::with_capacity(pc as usize);
    let mut covering: Vec<Option<u32>> = Vec::with_capacity(pc as usize);
    for (i, it) in u.items.iter().enumerate() {
        if let Item::Instr {
            op,
            arg,
            target,
            loc,
            handler,
        } = it
        {
            if !reachable[i] {
                continue;
            }
            let arg = match target {
                Some(l) => label_pc(*l),
                None => *arg,
            };
            code.push(Instr { op: *op, arg });
            locations.push(*loc);
            covering.push(handler.filter(|h| handler_depth[*h as usize].is_some()));
        }
    }

    let mut exception_table = Vec::new();
    let mut i = 0;
    while i < covering.len() {
        let Some(h) = covering[i] else {
            i += 1;
            continue;
        };
        let start = i;
        while i < covering.len() && covering[i] == Some(h) {
            i += 1;
        }
        let hd = &u.handlers[h as usize];
        exception_table.push(ExceptionEntry {
            start: start as u32,
            end: i as u32,
            target: label_pc(hd.target),
            depth: handler_depth[h as usize].unwrap_or(0),
            lasti: hd.lasti,
        });
    }

    let mut fl = u.extra_flags;
    if u.kind != UnitKind::Module && u.kind != UnitKind::Class {
        fl |= flags::OPTIMIZED | flags::NEWLOCALS;
        if st.is_nested {
            fl |= flags::NESTED;
        }
        match (st.is_generator, st.is_coroutine) {
            (true, true) => fl |= flags::ASYNC_GENERATOR,
            (true, false) => fl |= flags::GENERATOR,
            (false, true) => fl |= flags::COROUTINE,
            (false, false) => {}
        }
    }
    let cell2arg = u
        .cellvars
        .iter()
        .map(|c| {
            u.varnames
                .iter()
                .position(|v| v == c)
                .filter(|&i| i < st.params.len())
                .map(|i| i as u32)
        })
        .collect();
    CodeObject {
        name: u.name,
        qualname: u.qualname,
        filename: filename.clone(),
        firstlineno: u.firstlineno,
        argcount: u.argcount,
        posonlyargcount: u.posonlyargcount,
        kwonlyargcount: u.kwonlyargcount,
        flags: fl,
        varnames: u.varnames,
        cellvars: u.cellvars,
        freevars: u.freevars,
        cell2arg,
        names: u.names,
        consts: u.consts,
        code,
        locations,
        exception_table,
        docstring: u.docstring,
    }
}

/// Computes each handler's unwind depth: the stack depth where its `Setup` marker is reached
/// (minus its `pop`), by a flow analysis over the items. Unreachable handlers get `None`.
/// Also returns which items are reachable.
fn handler_depths(
    u: &Unit<'_>,
    label_item: &dyn Fn(super::Label) -> Option<u32>,
) -> (Vec<Option<u32>>, Vec<bool>) {
    let n = u.items.len();
    let mut depth_at: Vec<Option<i32>> = vec![None; n + 1];
    let mut hdepth: Vec<Option<u32>> = vec![None; u.handlers.len()];
    let mut work: Vec<(usize, i32)> = vec![(0, 0)];
    while let Some((start, d0)) = work.pop() {
        let mut i = start;
        let mut d = d0;
        while i < n {
            if depth_at[i].is_some() {
                break;
            }
            depth_at[i] = Some(d);
            match &u.items[i] {
                Item::Setup(h) => {
                    let hd = &u.handlers[*h as usize];
                    if hdepth[*h as usize].is_none() {
                        let hdv = (d - hd.pop as i32).max(0) as u32;
                        hdepth[*h as usize] = Some(hdv);
                        if let Some(t) = label_item(hd.target) {
                            work.push((t as usize, hdv as i32 + 1 + hd.lasti as i32));
                        }
                    }
                }
                Item::Instr {
                    op, arg, target, ..
                } => {
                    if let Some(t) = target {
                        if let Some(ti) = label_item(*t) {
                            work.push((ti as usize, d + stack_effect(*op, *arg, true)));
                        }
                    }
                    if is_terminal(*op) {
                        break;
                    }
                    d += stack_effect(*op, *arg, false);
                    if *op == Op::ReturnValue {
                        break;
                    }
                }
            }
            i += 1;
        }
    }
    let reachable = depth_at.iter().map(Option::is_some).collect();
    (hdepth, reachable)
}
