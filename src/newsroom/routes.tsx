// The newsroom's pages under /newsroom. Every page but the sign-in one is behind the session: the
// layout's loader asks who is signed in and sends anyone else to sign in, then back where they
// were going.
import { type RouteObject, redirect } from "react-router";
import type { Words } from "../words/words";
import { AccountPage, accountPageData } from "./AccountPage";
import { EditorPage } from "./EditorPage";
import { HistoryPage, historyPageData } from "./HistoryPage";
import { InvitationPage, type InvitationPageData } from "./InvitationPage";
import { LivePage, livePageData } from "./LivePage";
import { NewsroomLayout } from "./NewsroomLayout";
import { currentSession, invitation, NewsroomError, storyToEdit } from "./newsroomApi";
import { INVITATION_PATH, NEWSROOM_PATH, SIGN_IN_PATH } from "./paths";
import { SignInPage } from "./SignInPage";
import { StoriesPage, storiesPageData } from "./StoriesPage";

export function newsroomRoutes(words: Words): RouteObject[] {
  const title = (page: string) => {
    document.title = `${page} | ${words.text("newsroom.title")}`;
  };
  return [
    {
      path: SIGN_IN_PATH,
      Component: SignInPage,
      loader: () => {
        title(words.text("newsroom.signIn"));
        return null;
      },
    },
    {
      path: INVITATION_PATH,
      Component: InvitationPage,
      loader: async ({ params }): Promise<InvitationPageData> => {
        title(words.text("newsroom.invitationTitle"));
        try {
          return { email: (await invitation(params.token ?? "")).email };
        } catch (error) {
          if (error instanceof NewsroomError && error.status === 400) return { email: null };
          throw error;
        }
      },
    },
    {
      id: "staff",
      path: NEWSROOM_PATH,
      Component: NewsroomLayout,
      loader: async ({ request }) => {
        const session = await currentSession();
        if (!session) {
          const url = new URL(request.url);
          return redirect(`${SIGN_IN_PATH}?next=${encodeURIComponent(url.pathname + url.search)}`);
        }
        return session;
      },
      children: [
        {
          index: true,
          Component: StoriesPage,
          loader: ({ request }) => {
            title(words.text("newsroom.stories"));
            return storiesPageData(new URL(request.url));
          },
        },
        {
          path: "account",
          Component: AccountPage,
          loader: () => {
            title(words.text("newsroom.account"));
            return accountPageData();
          },
        },
        {
          path: "stories/:slug",
          Component: EditorPage,
          loader: async ({ params }) => {
            const edited = await storyToEdit(params.slug ?? "");
            title(edited.story.headline);
            return edited;
          },
        },
        {
          path: "stories/:slug/history",
          Component: HistoryPage,
          loader: async ({ params, request }) => {
            const data = await historyPageData(params.slug ?? "", new URL(request.url));
            title(words.text("newsroom.historyOf", { headline: data.edited.story.headline }));
            return data;
          },
        },
        {
          path: "stories/:slug/live",
          Component: LivePage,
          loader: async ({ params }) => {
            const data = await livePageData(params.slug ?? "");
            title(words.text("newsroom.liveOf", { headline: data.edited.story.headline }));
            return data;
          },
        },
      ],
    },
  ];
}
