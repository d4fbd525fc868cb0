# graphs: BFS, DFS, Dijkstra with heapq, topological sort
from collections import deque
import heapq
edges = [(0, 1, 4), (0, 2, 1), (2, 1, 2), (1, 3, 1), (2, 3, 5), (3, 4, 3), (4, 5, 1), (3, 5, 8)]
adj = {i: [] for i in range(6)}
for a, b, w in edges:
    adj[a].append((b, w))
    adj[b].append((a, w))
def bfs(start):
    seen, order, q = {start}, [], deque([start])
    while q:
        v = q.popleft()
        order.append(v)
        for n, _ in sorted(adj[v]):
            if n not in seen:
                seen.add(n)
                q.append(n)
    return order
def dfs(v, seen=None):
    seen = [] if seen is None else seen
    seen.append(v)
    for n, _ in sorted(adj[v]):
        if n not in seen:
            dfs(n, seen)
    return seen
def dijkstra(src):
    dist = {src: 0}
    pq = [(0, src)]
    while pq:
        d, v = heapq.heappop(pq)
        if d > dist.get(v, float("inf")):
            continue
        for n, w in adj[v]:
            nd = d + w
            if nd < dist.get(n, float("inf")):
                dist[n] = nd
                heapq.heappush(pq, (nd, n))
    return dict(sorted(dist.items()))
print(bfs(0), dfs(0), dijkstra(0), dijkstra(5))
deps = {"app": ["lib", "util"], "lib": ["core"], "util": ["core", "log"], "core": [], "log": []}
def topo(graph):
    order, state = [], {}
    def visit(n):
        if state.get(n) == 1:
            raise ValueError("cycle at " + n)
        if state.get(n) == 2:
            return
        state[n] = 1
        for m in graph[n]:
            visit(m)
        state[n] = 2
        order.append(n)
    for n in graph:
        visit(n)
    return order
print(topo(deps))
try:
    topo({"a": ["b"], "b": ["a"]})
except ValueError as e:
    print(type(e).__name__, e)
grid = ["S.#.....", ".##.###.", "....#...", "##.##.#.", "......#E"]
def maze():
    h, w = len(grid), len(grid[0])
    start = next((r, c) for r in range(h) for c in range(w) if grid[r][c] == "S")
    q, dist = deque([start]), {start: 0}
    while q:
        r, c = q.popleft()
        if grid[r][c] == "E":
            return dist[(r, c)]
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < h and 0 <= nc < w and grid[nr][nc] != "#" and (nr, nc) not in dist:
                dist[(nr, nc)] = dist[(r, c)] + 1
                q.append((nr, nc))
    return -1
print(maze())
