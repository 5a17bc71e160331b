// Where this browser keeps its saved stories (localStorage), in a module of its own: the service
// worker's registration, in the app's entry, reads it without the saved list's code.
export const SAVED_STORIES_KEY = "dispatch:saved-stories";
