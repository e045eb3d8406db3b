local clock = dofile(arg[0]:gsub("[^/]*$", "") .. "clock.lua")
local ffi = require("ffi")
ffi.cdef("int abs(int x);")
local C = ffi.C
clock.rounds(20, function()
  local s = 0
  for i = 0, 999999 do s = s + C.abs(-i) end
end)
