package main

// DriverFlags exports driverFlags to the external tests.
var DriverFlags = driverFlags
