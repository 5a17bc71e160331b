// What a site's message catalogue holds: every word a reader sees that is not a story's own, by
// key. Each language's catalogue (src/words/catalogues/) is typed by this interface, so a key
// missing from any language fails the typecheck. `{name}` in a message is filled in where it is
// used; a count's message has a form per plural category of the language (Intl.PluralRules),
// `other` always among them.

/** A message that depends on a number: a form per plural category ("one", "few"…), `other` required. */
export type Plural = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

export interface Catalogue {
  // The frame of every page
  "layout.skipToContent": string;
  "layout.sections": string;
  "layout.saved": string;
  "layout.loadingPage": string;
  "layout.loading": string;
  /** `{site}` is a link to the front page; `{tagline}` is the site config's. */
  "layout.footer": string;
  // Search
  "search.label": string;
  "search.button": string;
  "search.title": string;
  "search.titleFor": string;
  "search.description": string;
  "search.hint": string;
  "search.none": string;
  "search.bestFirst": string;
  "search.more": string;
  // Front page and lists
  "home.heading": string;
  "home.latest": string;
  "list.empty": string;
  "list.video": string;
  "list.live": string;
  "mostRead.heading": string;
  "listing.sectionDescription": string;
  "listing.tagTitle": string;
  "listing.tagDescription": string;
  "listing.authorTitle": string;
  "listing.authorDescription": string;
  "listing.newest": string;
  "listing.more": string;
  "listing.loadingMore": string;
  // Notices of changes
  "notice.newStories": Plural;
  "notice.dismiss": string;
  "notice.loading": string;
  "notice.storyRemoved": string;
  "notice.storyUpdated": string;
  "notice.showLatest": string;
  // A story
  "story.by": string;
  "story.published": string;
  "story.updated": string;
  "story.readingTime": Plural;
  "story.shareStory": string;
  "story.shareStoryEnd": string;
  "story.tags": string;
  "story.related": string;
  "story.correction": Plural;
  "story.pictureCredit": string;
  "story.liveUpdates": string;
  "story.olderUpdates": string;
  "story.latestUpdates": string;
  "story.pinnedUpdates": string;
  "story.updatesNewestFirst": string;
  "story.pinned": string;
  "story.noUpdates": string;
  "story.newUpdates": Plural;
  /** `{provider}`: a platform's own name (model/embeddedPost.ts). */
  "story.embeddedPostLabel": string;
  /** Who posted an embedded post, and when. */
  "story.embeddedPostBy": string;
  "story.embeddedPostView": string;
  // Saving and sharing
  "save.save": string;
  "save.saved": string;
  "share.share": string;
  "share.copyLink": string;
  "share.shared": string;
  "share.copied": string;
  "share.failed": string;
  "share.quote": string;
  "share.email": string;
  // Video
  "video.label": string;
  "video.unavailable": string;
  "video.titled": string;
  "video.play": string;
  "video.cannotPlay": string;
  "video.download": string;
  // The saved page
  "saved.title": string;
  "saved.description": string;
  "saved.note": string;
  "saved.empty": string;
  "saved.remove": string;
  "saved.undo": string;
  "saved.removed": string;
  "saved.putBack": string;
  // Errors
  "error.notFoundTitle": string;
  "error.notFoundText": string;
  "error.notFoundDescription": string;
  "error.frontPage": string;
  "error.loadFailedTitle": string;
  "error.loadFailedText": string;
  "error.loadFailedDescription": string;
  "error.tryAgain": string;
  "error.tryingAgain": string;
  "error.badAddress": string;
  "error.readOnly": string;
  "error.tooMany": string;
  "error.busy": string;
  "error.failed": string;
  "error.refused": string;
  "offline.title": string;
  "offline.heading": string;
  "offline.text": string;
  "offline.saved": string;
  "offline.savedLink": string;
  "story.relatedLabel": string;
  "error.badAddressText": string;
  "error.readOnlyText": string;
  "error.tooManyText": string;
  "error.busyText": string;
  "error.failedText": string;
  "error.refusedText": string;
  // Feeds
  "feed.description": string;
  "feed.sectionDescription": string;
  "feed.liveTitle": string;
  "feed.liveDescription": string;
  "embed.watchOn": string;
  // The newsroom (staff only: src/newsroom/)
  "newsroom.title": string;
  "newsroom.signInTitle": string;
  "newsroom.email": string;
  "newsroom.password": string;
  "newsroom.signIn": string;
  "newsroom.signingIn": string;
  "newsroom.signInWrong": string;
  "newsroom.signInTooMany": string;
  "newsroom.failed": string;
  "newsroom.signOut": string;
  /** `{name}` is the account's name. */
  "newsroom.signedInAs": string;
  "newsroom.signInWithPasskey": string;
  "newsroom.orPassword": string;
  "newsroom.passkeyFailed": string;
  "newsroom.passkeyUnsupported": string;
  "newsroom.account": string;
  /** `{name}` is the account's name, `{email}` its email. */
  "newsroom.accountIs": string;
  "newsroom.passkeys": string;
  "newsroom.passkeysAbout": string;
  "newsroom.noPasskeys": string;
  /** `{time}` is when it was added. */
  "newsroom.passkeyAddedAt": string;
  "newsroom.addPasskey": string;
  "newsroom.addingPasskey": string;
  "newsroom.passkeyAdded": string;
  "newsroom.passkeyNotAdded": string;
  /** A remove button's name; `{time}` is when the passkey was added. */
  "newsroom.removePasskey": string;
  "newsroom.remove": string;
  "newsroom.passkeyRemoved": string;
  "newsroom.stories": string;
  "newsroom.loading": string;
  "newsroom.filters": string;
  "newsroom.status": string;
  "newsroom.section": string;
  "newsroom.author": string;
  "newsroom.search": string;
  "newsroom.show": string;
  "newsroom.any": string;
  "newsroom.statusDraft": string;
  "newsroom.statusScheduled": string;
  "newsroom.statusPublished": string;
  "newsroom.statusUnpublished": string;
  "newsroom.statusLive": string;
  "newsroom.noStories": string;
  /** `{time}` is an instant in the site's zone. */
  "newsroom.changed": string;
  /** `{time}` is an instant in the site's zone. */
  "newsroom.goesOut": string;
  "newsroom.scheduleTitle": string;
  "newsroom.scheduleAt": string;
  /** `{zone}` is the site's time zone's name, in the site's language. */
  "newsroom.siteClock": string;
  "newsroom.schedule": string;
  "newsroom.reschedule": string;
  "newsroom.unschedule": string;
  "newsroom.scheduleInPast": string;
  "newsroom.more": string;
  "newsroom.invitationTitle": string;
  /** `{email}` is the invited account's. */
  "newsroom.invitationFor": string;
  "newsroom.newPassword": string;
  "newsroom.setPassword": string;
  "newsroom.passwordRefused": string;
  "newsroom.invitationInvalid": string;
  "newsroom.kicker": string;
  "newsroom.headline": string;
  "newsroom.deck": string;
  "newsroom.paragraph": string;
  "newsroom.keptBlock": string;
  "newsroom.save": string;
  "newsroom.saving": string;
  "newsroom.saved": string;
  "newsroom.forbidden": string;
  "newsroom.refused": string;
  "newsroom.collision": string;
  "newsroom.mine": string;
  "newsroom.theirs": string;
  "newsroom.keepMine": string;
  "newsroom.takeTheirs": string;
  // The editor's previews of the share card and the search result
  "newsroom.previews": string;
  "newsroom.shareCard": string;
  "newsroom.searchResult": string;
  "newsroom.cardWhenPublished": string;
  "newsroom.cutAfter": Plural;
  // Merging after a collision, part by part (MergeScreen): `{number}` counts the body's parts.
  "newsroom.mergeByHand": string;
  "newsroom.mergeTitle": string;
  "newsroom.mergeHelp": string;
  "newsroom.mergePart": string;
  /** Beside a part both versions changed from the one the writer started with. */
  "newsroom.mergeBothChanged": string;
  /** Under a part whose words read the same in both versions. */
  "newsroom.mergeSameWords": string;
  "newsroom.mergeYours": string;
  "newsroom.mergeSaved": string;
  /** Both versions of a block, the writer's first. */
  "newsroom.mergeBoth": string;
  "newsroom.saveMerge": string;
  "newsroom.backToVersions": string;
  /** What stands for a field or block one version does not have. */
  "newsroom.theirsEmpty": string;
  "newsroom.characters": Plural;
  "newsroom.publish": string;
  "newsroom.unpublish": string;
  "newsroom.statusIs": string;
  // The newsroom's history
  "newsroom.someoneUnknown": string;
  /** Who saved a revision or wrote an entry with ADMIN_TOKEN, not an account. */
  "newsroom.adminToken": string;
  "newsroom.history": string;
  "newsroom.historyOf": string;
  "newsroom.backToEditor": string;
  "newsroom.revisions": string;
  "newsroom.noRevisions": string;
  "newsroom.revisionCurrent": string;
  "newsroom.revisionNumber": string;
  "newsroom.savedBy": string;
  "newsroom.changes": string;
  "newsroom.changesSince": string;
  "newsroom.noChanges": string;
  "newsroom.restore": string;
  "newsroom.restored": string;
  "newsroom.restoreStale": string;
  "newsroom.corrections": string;
  "newsroom.correctionAddedBy": string;
  "newsroom.body": string;
  "newsroom.added": string;
  "newsroom.addedEnd": string;
  "newsroom.removed": string;
  "newsroom.removedEnd": string;
  "newsroom.olderRevisions": string;
  // The newsroom's live console
  "newsroom.liveConsole": string;
  "newsroom.liveOf": string;
  "newsroom.notLive": string;
  "newsroom.readersPage": string;
  "newsroom.newEntry": string;
  "newsroom.editingEntry": string;
  "newsroom.entryText": string;
  "newsroom.entryHeadlineOptional": string;
  "newsroom.entryHeadline": string;
  "newsroom.postEntry": string;
  "newsroom.saveEntry": string;
  "newsroom.pinIt": string;
  "newsroom.cancelEdit": string;
  "newsroom.entryPosted": string;
  "newsroom.entryUpdated": string;
  "newsroom.entryPinned": string;
  "newsroom.entryUnpinned": string;
  "newsroom.entryForbidden": string;
  "newsroom.entries": string;
  "newsroom.noEntries": string;
  "newsroom.pinned": string;
  "newsroom.byName": string;
  "newsroom.editEntry": string;
  "newsroom.editEntryAt": string;
  "newsroom.pin": string;
  "newsroom.unpin": string;
  "newsroom.pinEntryAt": string;
  "newsroom.unpinEntryAt": string;
  // The editor's blocks (src/newsroom/blocks/)
  "newsroom.storyBlocks": string;
  "newsroom.heading": string;
  "newsroom.quote": string;
  "newsroom.picture": string;
  "newsroom.video": string;
  "newsroom.related": string;
  "newsroom.correction": string;
  "newsroom.addBlock": string;
  "newsroom.addParagraph": string;
  "newsroom.addHeading": string;
  "newsroom.addQuote": string;
  "newsroom.addPicture": string;
  "newsroom.addVideo": string;
  "newsroom.addRelated": string;
  "newsroom.addCorrection": string;
  "newsroom.moveUp": string;
  "newsroom.moveDown": string;
  "newsroom.removeBlock": string;
  "newsroom.drag": string;
  "newsroom.blockMoved": string;
  "newsroom.blockRemoved": string;
  "newsroom.blockAdded": string;
  "newsroom.marks": string;
  "newsroom.up": string;
  "newsroom.down": string;
  "newsroom.removeShort": string;
  "newsroom.emphasis": string;
  "newsroom.strong": string;
  "newsroom.link": string;
  "newsroom.linkTitle": string;
  "newsroom.linkAddress": string;
  "newsroom.linkHint": string;
  "newsroom.linkWrong": string;
  "newsroom.linkApply": string;
  "newsroom.linkRemove": string;
  "newsroom.cancel": string;
  "newsroom.cite": string;
  "newsroom.correctionDated": string;
  "newsroom.pictureFile": string;
  "newsroom.pictureDrop": string;
  "newsroom.uploading": string;
  "newsroom.uploadRefused": string;
  "newsroom.alt": string;
  "newsroom.altHint": string;
  "newsroom.altMissing": string;
  "newsroom.caption": string;
  "newsroom.credit": string;
  "newsroom.focusHint": string;
  "newsroom.focusAcross": string;
  "newsroom.focusDown": string;
  "newsroom.videoTitle": string;
  "newsroom.videoFile": string;
  "newsroom.videoDrop": string;
  "newsroom.videoUploaded": string;
  "newsroom.youTube": string;
  "newsroom.youTubeHint": string;
  "newsroom.youTubeSet": string;
  "newsroom.relatedFind": string;
  "newsroom.relatedHint": string;
  "newsroom.relatedFound": Plural;
  "newsroom.relatedChoose": string;
  "newsroom.relatedLinked": string;
  "newsroom.embeddedPost": string;
  "newsroom.addEmbeddedPost": string;
  "newsroom.embeddedPostUrl": string;
  "newsroom.embeddedPostUrlHint": string;
  "newsroom.embeddedPostRecognised": string;
  "newsroom.embeddedPostNotUrl": string;
  "newsroom.embeddedPostNotHttps": string;
  "newsroom.embeddedPostUnknownHost": string;
  "newsroom.embeddedPostText": string;
  "newsroom.embeddedPostAuthor": string;
  "newsroom.embeddedPostDate": string;
  "newsroom.newStory": string;
  "newsroom.firstParagraph": string;
  "newsroom.startDraft": string;
  "newsroom.preview": string;
  "newsroom.previewLink": string;
}

export type TextKey = { [K in keyof Catalogue]: Catalogue[K] extends string ? K : never }[keyof Catalogue];
export type CountKey = { [K in keyof Catalogue]: Catalogue[K] extends Plural ? K : never }[keyof Catalogue];
