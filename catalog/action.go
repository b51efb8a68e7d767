package catalog

// Action is what a client should do when it receives a code: the class the
// catalog assigns to every entry.
type Action uint8

// The action classes.
const (
	ActionSuccess     Action = iota + 1 // the request succeeded
	ActionDone                          // the goal is already reached (exists)
	ActionRetry                         // transient: the same request may be sent again with backoff
	ActionReupload                      // the upload session is broken: restart the whole upload
	ActionFixRequest                    // the request is wrong: resending it cannot help
	ActionServerFault                   // internal server failure: bounded retry at most, then surface
)

func (a Action) valid() bool { return a > 0 && int(a) < len(actionNames) }

// String returns the class's key ("reupload", "fix-request").
func (a Action) String() string {
	if !a.valid() {
		return "Action(?)"
	}
	return actionNames[a].key
}

// Advice says in words what a client should do.
func (a Action) Advice() string {
	if !a.valid() {
		return ""
	}
	return actionNames[a].advice
}
