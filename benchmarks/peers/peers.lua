-- The peer operations in LuaJIT's FFI; prints "op ns-per-op" lines. Run by benchmarks/compare-peers.
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } peers_timespec;
int clock_gettime(int clock, peers_timespec *t);
int abs(int x);
size_t strlen(const char *s);
void qsort(void *base, size_t n, size_t size, int (*compare)(const void *, const void *));
typedef struct { int x; int y; } peers_point;
]]
local C = ffi.C
local ts = ffi.new("peers_timespec")
local function now() C.clock_gettime(1, ts); return tonumber(ts.tv_sec) * 1e9 + tonumber(ts.tv_nsec) end

-- Best of five rounds, each after the same work once (LuaJIT's traces compile in the first).
local function measure(name, ops, f)
  f()
  local best = math.huge
  for _ = 1, 5 do
    local t = now(); f(); local dt = now() - t
    if dt < best then best = dt end
  end
  print(string.format("%s %.3f", name, best / ops))
end

local N = 10000000
measure("abs", N, function() local s = 0 for i = 0, N - 1 do s = s + C.abs(-i) end return s end)
local text = "hello"
measure("strlen", N, function() local s = 0 for _ = 1, N do s = s + tonumber(C.strlen(text)) end return s end)
local p = ffi.new("peers_point"); p.y = 3
measure("struct-read", N, function() local s = 0 for _ = 1, N do s = s + p.y end return s end)
local Q = 100000
local data = ffi.new("int[?]", Q)
local compare = ffi.cast("int (*)(const void *, const void *)", function(a, b)
  local x, y = ffi.cast("const int *", a)[0], ffi.cast("const int *", b)[0]
  if x < y then return -1 elseif x > y then return 1 else return 0 end
end)
measure("qsort-per-element", Q, function()
  for i = 0, Q - 1 do data[i] = (i * 7919) % Q end
  C.qsort(data, Q, 4, compare)
end)
local M = 200   -- LuaJIT keeps a bounded table of callback slots: small batches
measure("callback-create-free", M, function()
  for _ = 1, M do
    local cb = ffi.cast("int (*)(int)", function(x) return x end)
    cb:free()
  end
end)
