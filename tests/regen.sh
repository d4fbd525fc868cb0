#!/usr/bin/env bash
# Regenerates the expected outputs of the Python corpus with CPython 3.11.
#
#   tests/regen.sh            # every tests/python/*.py (except _helpers) + seed programs
#   tests/regen.sh --no-seed  # skip the (slow) seed benchmark programs
#   tests/regen.sh NAME...    # only these corpus programs (NAME or NAME.py)
#
# For each tests/python/NAME.py (run as `python3 NAME.py` from inside tests/python, so
# traceback paths are relative):
#   NAME.out   stdout (always)
#   NAME.err   stderr, only if NAME.err already exists or the program contains the line
#              `# corpus: compare-stderr`
#   NAME.code  exit code, only when it is non-zero (removed otherwise)
# Seed programs ../shared/bench/programs/{mandelbrot,sum_list,distance}.py (relative to
# the workspace) get tests/python/seed/NAME.out.
# Idempotent: running it twice gives the same files.
set -euo pipefail

PY=${PYTHON:-python3}
here=$(cd "$(dirname "$0")" && pwd)
here_phys=$(cd "$(dirname "$0")" && pwd -P)
corpus="$here/python"
seed_src="$here/../../shared/bench/programs"
seed_programs="mandelbrot sum_list distance"

ver=$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
if [ "$ver" != "3.11" ]; then
    echo "regen.sh: $PY is Python $ver, expected 3.11" >&2
    exit 1
fi

do_seed=1
names=()
for a in "$@"; do
    case "$a" in
        --no-seed) do_seed=0 ;;
        *) names+=("$(basename "${a%.py}")"); do_seed=0 ;;
    esac
done

cd "$corpus"
if [ ${#names[@]} -eq 0 ]; then
    for f in *.py; do
        case "$f" in _*) continue ;; esac
        names+=("${f%.py}")
    done
fi

export PYTHONDONTWRITEBYTECODE=1
for n in "${names[@]}"; do
    [ -f "$n.py" ] || { echo "regen.sh: no $n.py" >&2; exit 1; }
    set +e
    "$PY" "$n.py" > "$n.out" 2> "$n.err.tmp" < /dev/null
    code=$?
    set -e
    if [ -f "$n.err" ] || grep -q '^# corpus: compare-stderr' "$n.py"; then
        # CPython makes the main script's path absolute in tracebacks; store it relative
        # (the harness strips the same prefix from pyrs's stderr).
        sed -e "s|$here_phys/python/||g" -e "s|$corpus/||g" "$n.err.tmp" > "$n.err"
        rm -f "$n.err.tmp"
    else
        if [ -s "$n.err.tmp" ]; then
            echo "regen.sh: warning: $n.py wrote to stderr (not compared):" >&2
            head -5 "$n.err.tmp" | sed 's/^/    /' >&2
        fi
        rm -f "$n.err.tmp"
    fi
    if [ "$code" -ne 0 ]; then
        echo "$code" > "$n.code"
    else
        rm -f "$n.code"
    fi
done
echo "regen.sh: regenerated ${#names[@]} corpus programs"

if [ "$do_seed" -eq 1 ]; then
    if [ -d "$seed_src" ]; then
        mkdir -p "$corpus/seed"
        for n in $seed_programs; do
            if [ -f "$seed_src/$n.py" ]; then
                (cd "$seed_src" && "$PY" "$n.py" < /dev/null) > "$corpus/seed/$n.out"
                echo "regen.sh: seed/$n.out"
            fi
        done
    else
        echo "regen.sh: $seed_src not found; seed outputs not regenerated" >&2
    fi
fi
