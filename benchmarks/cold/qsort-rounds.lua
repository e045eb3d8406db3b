local clock = dofile(arg[0]:gsub("[^/]*$", "") .. "clock.lua")
local ffi = require("ffi")
ffi.cdef("void qsort(void *base, size_t n, size_t size, int (*compare)(const void *, const void *));")
local compare = ffi.cast("int (*)(const void *, const void *)", function(a, b)
  local x, y = ffi.cast("const int *", a)[0], ffi.cast("const int *", b)[0]
  if x < y then return -1 elseif x > y then return 1 else return 0 end
end)
local n = 100000
local p = ffi.new("int[?]", n)
clock.rounds(20, function()
  for i = 0, n - 1 do p[i] = (i * 7919) % n end
  ffi.C.qsort(p, n, 4, compare)
end)
