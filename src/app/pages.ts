// The page components, each in its own chunk, loaded when a route first needs it. Links that
// prefetch a story call loadStoryPage too, so the chunk is there before the click.
export const loadHomePage = () => import("../routes/HomePage").then((m) => m.HomePage);
export const loadStoryPage = () => import("../routes/StoryPage").then((m) => m.StoryPage);
export const loadListingPage = () => import("../routes/ListingPage").then((m) => m.ListingPage);
export const loadSavedPage = () => import("../routes/SavedPage").then((m) => m.SavedPage);
export const loadSearchPage = () => import("../routes/SearchPage").then((m) => m.SearchPage);
