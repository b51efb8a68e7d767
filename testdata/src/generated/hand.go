package generated

// A hand-written file of the same package is checked as usual.
func isDone(r Response) bool { return r.Code == -4018 } // want `-4018 is catalog.ErrSameFileUpload`
