-- Wall-clock milliseconds for the LuaJIT round programs (os.clock is CPU time).
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } epsilon_timespec;
int clock_gettime(int clock, epsilon_timespec *t);
]]
local ts = ffi.new("epsilon_timespec")
local M = {}
function M.now()
  ffi.C.clock_gettime(1, ts)
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end
function M.rounds(n, thunk)
  for _ = 1, n do
    local start = M.now()
    thunk()
    io.write(string.format("%.3f\n", M.now() - start))
    io.flush()
  end
end
return M
