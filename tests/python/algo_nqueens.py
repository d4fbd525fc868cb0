# n-queens with backtracking (recursion, sets, generators)
def solve(n):
    cols, d1, d2 = set(), set(), set()
    board = []
    def place(r):
        if r == n:
            yield list(board)
            return
        for c in range(n):
            if c in cols or (r - c) in d1 or (r + c) in d2:
                continue
            cols.add(c); d1.add(r - c); d2.add(r + c); board.append(c)
            yield from place(r + 1)
            cols.discard(c); d1.discard(r - c); d2.discard(r + c); board.pop()
    return place(0)
for n in range(1, 9):
    sols = list(solve(n))
    print(n, len(sols), sols[0] if sols else None)
first = next(solve(8))
for c in first:
    print("".join("Q" if i == c else "." for i in range(8)))
