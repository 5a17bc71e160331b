// The newsroom's entry (issue 22): a program of its own, built apart from the reader's
// (vite.newsroom.config.ts), started by the page the server answers under /newsroom
// (src/server/pages/newsroomRoutes.ts), which carries the site and its words as data. Everything it
// shows comes from the API, behind the session; it renders in the browser only.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, RouterProvider } from "react-router";
import { SiteContext } from "../app/siteContext";
import type { Site } from "../head/head";
import type { Catalogue } from "../words/catalogue";
import { WordsContext } from "../words/useWords";
import { makeWords } from "../words/words";
import { newsroomRoutes } from "./routes";
import "../app/global.css";
import "../app/fontStacks.css";

interface NewsroomData {
  language: string;
  locale: string;
  timeZone: string;
  site: Site;
  catalogue: Catalogue;
}

const data = JSON.parse(document.getElementById("newsroom-data")?.textContent ?? "null") as NewsroomData;
const words = makeWords(data.catalogue, data);
const router = createBrowserRouter(newsroomRoutes(words));
const root = document.getElementById("newsroom");
if (root)
  createRoot(root).render(
    <StrictMode>
      <SiteContext value={data.site}>
        <WordsContext value={words}>
          <RouterProvider router={router} />
        </WordsContext>
      </SiteContext>
    </StrictMode>,
  );
