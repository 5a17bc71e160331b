// The page components, each in its own chunk, loaded when a route first needs it. Layout hands
// loadStoryPage to headline links too, so the story chunk is there before the click.
export const loadHomePage = () => import("../routes/home/HomePage").then((m) => m.HomePage);
export const loadStoryPage = () => import("../routes/story/StoryPage").then((m) => m.StoryPage);
export const loadListingPage = () => import("../routes/listing/ListingPage").then((m) => m.ListingPage);
export const loadSavedPage = () => import("../routes/saved/SavedPage").then((m) => m.SavedPage);
export const loadSearchPage = () => import("../routes/search/SearchPage").then((m) => m.SearchPage);
