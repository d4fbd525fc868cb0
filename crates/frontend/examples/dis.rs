//! Disassembles a Python file (or `-c SOURCE`): `cargo run -p pyrs-frontend --example dis -- f.py`.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (src, name) = match args.as_slice() {
        [flag, src] if flag == "-c" => (src.clone(), "<string>".to_string()),
        [path] => match std::fs::read_to_string(path) {
            Ok(s) => (s, path.clone()),
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(2);
            }
        },
        _ => {
            eprintln!("usage: dis FILE | dis -c SOURCE");
            std::process::exit(2);
        }
    };
    match pyrs_frontend::compile(&src, &name, pyrs_frontend::Mode::Exec) {
        Ok(code) => {
            print!("{}", pyrs_frontend::disassemble(&code));
            if let Err(e) = pyrs_frontend::stack::verify_all(&code) {
                println!("STACK VERIFY FAILED: {e}");
            }
        }
        Err(e) => println!(
            "{:?}: {} (line {}, offset {})",
            e.kind, e.msg, e.lineno, e.offset
        ),
    }
}
