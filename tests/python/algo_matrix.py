# matrix arithmetic with lists, floats and fractions-like ints
def matmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]
def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]
def matpow(m, e):
    r = identity(len(m))
    while e:
        if e & 1:
            r = matmul(r, m)
        m = matmul(m, m)
        e >>= 1
    return r
print(matpow([[1, 1], [1, 0]], 100)[0][1])
a = [[2, -1, 0], [-1, 2, -1], [0, -1, 2]]
print(matmul(a, a), [list(r) for r in zip(*a)])
def det(m):
    if len(m) == 1:
        return m[0][0]
    return sum((-1) ** j * m[0][j] * det([row[:j] + row[j + 1:] for row in m[1:]]) for j in range(len(m)))
print(det(a), det([[1, 2], [3, 4]]), det(identity(5)))
def solve(m, b):
    n = len(m)
    aug = [list(map(float, row)) + [float(v)] for row, v in zip(m, b)]
    for col in range(n):
        piv = max(range(col, n), key=lambda r: abs(aug[r][col]))
        aug[col], aug[piv] = aug[piv], aug[col]
        for r in range(n):
            if r != col:
                f = aug[r][col] / aug[col][col]
                aug[r] = [x - f * y for x, y in zip(aug[r], aug[col])]
    return [aug[i][n] / aug[i][i] for i in range(n)]
print([round(x, 10) for x in solve(a, [1, 0, 1])], solve([[4, 1], [1, 3]], [1, 2]))
m = [[(i * 7 + j * 3) % 10 for j in range(12)] for i in range(12)]
p = matmul(m, m)
print(sum(map(sum, p)), p[3][:6], max(max(r) for r in p))
