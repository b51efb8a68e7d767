module example.com/cosdemo

go 1.22
