local clock = dofile(arg[0]:gsub("[^/]*$", "") .. "clock.lua")
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
clock.rounds(20, function() fib(27) end)
