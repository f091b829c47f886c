//! A subject's discussion as its page shows it: threads, pages of threads,
//! and an island that shows comments others write while the page is open.
//! A comment's reply, edit and hide forms open one at a time, from links
//! (`?svara=<id>`, `?andra=<id>`, `?dolj=<id>`): a page of a hundred
//! comments then carries links, not a hundred forms (bench/README.md).

use super::{
    api::{DeleteComment, EditComment, FollowDiscussion, HideComment, PostComment},
    text::text,
    Comment, CommentState, Discussion, Subject, MAX_DEPTH,
};
use crate::{
    i18n::{use_lang, Lang},
    time::format_stockholm,
    ui::confirm::ConfirmStep,
    ui::form::{ErrorSummary, FormFeedback, Notice, TextField},
    ui::{query_has, query_value, url_encode},
};
use leptos::{prelude::*, server_fn::ServerFn};

#[component]
pub fn DiscussionSection(
    subject: Subject,
    target: String,
    discussion: Discussion,
) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let post = FormFeedback::for_action(PostComment::PATH);
    let path = subject.path(&target);
    let (edit, hide) = (
        FormFeedback::for_action(EditComment::PATH),
        FormFeedback::for_action(HideComment::PATH),
    );
    // The refused form's own fields: a reply's, an edit's or a hiding's
    // are named after their comment (see `CommentItem`).
    let part = if post.error().is_some() {
        Some(post.value("parent"))
            .filter(|p| !p.is_empty())
            .map(|p| part_of(REPLY, &p))
    } else if edit.error().is_some() {
        Some(part_of(EDIT, &edit.value("comment")))
    } else if hide.error().is_some() {
        Some(part_of(HIDE, &hide.value("comment")))
    } else {
        None
    };
    let errors = post
        .error()
        .or(edit.error())
        .or(FormFeedback::for_action(DeleteComment::PATH).error())
        .or(FormFeedback::for_action(FollowDiscussion::PATH).error())
        .or(hide.error());
    let may_post = discussion.may_post;
    let may_moderate = discussion.may_moderate;
    let paged = query_value("kommentarer");
    // Where a comment's links lead: this page of threads, plus the form.
    let here = if paged.is_empty() {
        format!("{path}?")
    } else {
        format!("{path}?kommentarer={}&", url_encode(&paged))
    };
    let open = OpenForm {
        reply: query_value("svara"),
        edit: query_value("andra"),
        hide: query_value("dolj"),
        here,
    };
    view! {
        <section aria-labelledby="kommentarer" class="discussion">
            <h2 id="kommentarer">{t.heading}</h2>
            <FollowForm subject target=target.clone() following=discussion.following />
            <Notice show=query_has("kommenterat") text=t.posted />
            <Notice show=query_has("andrad") text=t.edited_notice />
            <Notice show=query_has("borttagen") text=t.removed />
            <Notice show=query_has("dold") text=t.hidden_notice />
            <ErrorSummary error=errors labels=vec![
                ("body", t.body), ("reason", t.hide_reason), ("confirm", t.delete),
            ] level=3 part repeated=&["body", "reason"] />
            {discussion.threads.is_empty().then(|| view! { <p>{t.none}</p> })}
            {discussion.threads.into_iter().map(|thread| view! {
                <div class="thread">
                    {thread.into_iter().map(|c| view! {
                        <CommentItem comment=c subject target=target.clone() may_post may_moderate open=open.clone() />
                    }).collect_view()}
                </div>
            }).collect_view()}
            {(!paged.is_empty() || discussion.next.is_some()).then(|| view! {
                <nav class="pagination" aria-label=t.heading>
                    {(!paged.is_empty()).then(|| view! { <a href=format!("{path}#kommentarer")>{t.first}</a> })}
                    {discussion.next.map(|next| view! {
                        <a href=format!("{path}?kommentarer={next}#kommentarer") rel="next">{t.more}</a>
                    })}
                </nav>
            })}
            {if may_post {
                view! { <CommentForm subject target=target.clone() parent=String::new() focus=false /> }.into_any()
            } else {
                view! { <p>{t.observer}</p> }.into_any()
            }}
            <LiveComments subject=subject.code().to_string() target=target.clone() after=discussion.newest lang />
        </section>
    }
}

/// Whether the reader is notified of what is written here, and the one
/// button that changes it; the notice of a change takes focus beside it.
#[component]
fn FollowForm(subject: Subject, target: String, following: bool) -> impl IntoView {
    let t = text(use_lang());
    let action = ServerAction::<FollowDiscussion>::new();
    let (said, button, value) = match following {
        true => (t.following, t.unfollow, "nej"),
        false => (t.not_following, t.follow, "ja"),
    };
    view! {
        <div class="discussion-follow" id="folj">
            <Notice show=query_has("foljer") text=t.followed_notice />
            <Notice show=query_has("foljer-inte") text=t.unfollowed_notice />
            <p>{said}</p>
            <ActionForm action>
                <input type="hidden" name="subject" value=subject.code() />
                <input type="hidden" name="target" value=target />
                <input type="hidden" name="follow" value=value />
                <button type="submit" class="button button--quiet">{button}</button>
            </ActionForm>
        </div>
    }
}

/// The forms opened per comment. Their fields' ids end in the part
/// (`body_svar-<comment>`), which the error summary's links name.
const REPLY: &str = "svar";
const EDIT: &str = "andra";
const HIDE: &str = "dolj";

fn part_of(form: &str, comment: &str) -> String {
    format!("{form}-{comment}")
}

/// Which comment's form the address opens, and the page's own address to
/// build the links from (ends in `?` or `&`).
#[derive(Clone, Debug)]
struct OpenForm {
    reply: String,
    edit: String,
    hide: String,
    here: String,
}

#[component]
fn CommentItem(
    comment: Comment,
    subject: Subject,
    target: String,
    may_post: bool,
    may_moderate: bool,
    open: OpenForm,
) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let visible = comment.state == CommentState::Visible;
    let id = comment.public_id.clone();
    let anchor = format!("kommentar-{id}");
    let back = format!("{}#{anchor}", open.here.trim_end_matches(['?', '&']));
    let link = {
        let (here, id) = (open.here.clone(), id.clone());
        move |key: &str| format!("{here}{key}={id}#{key}-{id}")
    };
    let author = format!(": {}", comment.author);
    let reply = (visible && may_post && comment.depth < MAX_DEPTH).then(|| {
        if open.reply == id {
            let (block, parent) = (format!("svara-{id}"), id.clone());
            view! {
                <div class="comment__form" id=block>
                    <CommentForm subject target=target.clone() parent focus=true />
                    <a href=back.clone()>{t.cancel}</a>
                </div>
            }
            .into_any()
        } else {
            view! {
                <a class="comment__action" href=link("svara")>{t.reply}<span class="visually-hidden">{author.clone()}</span></a>
            }
            .into_any()
        }
    });
    let edit = (visible && comment.mine).then(|| {
        if open.edit == id {
            let action = ServerAction::<EditComment>::new();
            let sent = FormFeedback::for_action(EditComment::PATH);
            let refused = sent.error().is_some() && sent.value("comment") == id;
            let body = if refused { sent.value("body") } else { comment.body.clone() };
            let problem = refused.then(|| sent.problem("body")).flatten();
            let (block, value) = (format!("andra-{id}"), id.clone());
            let field_id = format!("body_{}", part_of(EDIT, &id));
            view! {
                <div class="comment__form" id=block>
                    <ActionForm action>
                        <input type="hidden" name="comment" value=value />
                        <TextField name="body" label=t.body hint=t.body_hint required=true multiline=true
                            max_length=super::BODY_MAX value=body problem field_id autofocus={!refused} />
                        <button type="submit" class="button button--small">{t.save}</button>
                    </ActionForm>
                    <a href=back.clone()>{t.cancel}</a>
                </div>
            }
            .into_any()
        } else {
            view! {
                <a class="comment__action" href=link("andra")>{t.edit}<span class="visually-hidden">{author.clone()}</span></a>
            }
            .into_any()
        }
    });
    let delete_context = author.clone();
    let delete = (comment.mine && comment.state != CommentState::Deleted).then(|| {
        let delete = ServerAction::<DeleteComment>::new();
        let value = id.clone();
        view! {
            <ActionForm action=delete attr:class="inline-form">
                <input type="hidden" name="comment" value=value />
                <ConfirmStep
                    open=t.delete.to_string()
                    context=delete_context
                    explain=t.delete_explain.to_string()
                    confirm=t.delete_confirm.to_string()
                />
            </ActionForm>
        }
    });
    let hide = (visible && may_moderate).then(|| {
        if open.hide == id {
            let action = ServerAction::<HideComment>::new();
            let sent = FormFeedback::for_action(HideComment::PATH);
            let refused = sent.error().is_some() && sent.value("comment") == id;
            let reason = if refused { sent.value("reason") } else { String::new() };
            let problem = refused.then(|| sent.problem("reason")).flatten();
            let (block, value) = (format!("dolj-{id}"), id.clone());
            let field_id = format!("reason_{}", part_of(HIDE, &id));
            view! {
                <div class="comment__form" id=block>
                    <ActionForm action>
                        <input type="hidden" name="comment" value=value />
                        <TextField name="reason" label=t.hide_reason required=true multiline=true
                            max_length=crate::networks::REASON_MAX value=reason problem field_id autofocus={!refused} />
                        <button type="submit" class="button button--small button--quiet-dark">{t.hide_button}</button>
                    </ActionForm>
                    <a href=back.clone()>{t.cancel}</a>
                </div>
            }
            .into_any()
        } else {
            view! {
                <a class="comment__action" href=link("dolj")>{t.hide}<span class="visually-hidden">{author.clone()}</span></a>
            }
            .into_any()
        }
    });
    view! {
        <article id=anchor class=format!("comment comment--depth-{}", comment.depth)>
            <CommentBody comment=comment.clone() lang />
            <div class="comment__actions">{reply}{edit}{delete}</div>
            {hide}
        </article>
    }
}

/// The author line and the text, or the tombstone; shared by the page and
/// the live island.
#[component]
fn CommentBody(comment: Comment, lang: Lang) -> impl IntoView {
    let t = text(lang);
    // What people write is Swedish: marked so in the English interface.
    let written = (lang == Lang::En).then_some("sv");
    let edited = comment.edited.then(|| format!(" ({})", t.edited));
    view! {
        <p class="comment__meta">
            <strong>{comment.author}</strong>
            {format!(", {} · ", comment.organisation)}
            <time>{format_stockholm(comment.created_at)}</time>
            {edited}
        </p>
        {match comment.state {
            CommentState::Visible => view! { <div class="comment__body" lang=written inner_html=comment.body_html></div> }.into_any(),
            CommentState::Deleted => view! { <p class="comment__tombstone">{t.deleted}</p> }.into_any(),
            CommentState::Hidden(reason) => view! {
                <p class="comment__tombstone">{format!("{}: ", t.hidden)}<span lang=written>{reason}</span></p>
            }.into_any(),
        }}
    }
}

#[component]
fn CommentForm(
    subject: Subject,
    target: String,
    parent: String,
    /// Opened from a link: the person asked to write here.
    focus: bool,
) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let action = ServerAction::<PostComment>::new();
    let reply = !parent.is_empty();
    // A reply's field is named after the comment it answers, so the new
    // comment's and each reply's errors land on their own field.
    let field_id = if reply {
        format!("body_{}", part_of(REPLY, &parent))
    } else {
        "body".to_string()
    };
    // What this form sent, when it was refused or kept over a sign-in.
    let sent = FormFeedback::for_action(PostComment::PATH);
    let this_one = sent.error().is_some() && sent.value("parent") == parent;
    let problem = if this_one { sent.problem("body") } else { None };
    let value = if this_one {
        sent.value("body")
    } else {
        String::new()
    };
    let label = if reply { t.reply } else { t.write };
    view! {
        <ActionForm action>
            <input type="hidden" name="subject" value=subject.code() />
            <input type="hidden" name="target" value=target />
            <input type="hidden" name="parent" value=parent />
            <TextField name="body" label hint=t.body_hint required=true multiline=true
                max_length=super::BODY_MAX value problem field_id autofocus={focus && !this_one} />
            <button type="submit" class="button">{if reply { t.send_reply } else { t.send }}</button>
        </ActionForm>
    }
}

/// Comments others write while the page is open, fetched every 15 seconds.
/// They appear below the comment form, so the box one is typing in never
/// moves; the live region (present from the start, so the first batch is
/// announced) says only how many came, and a button pauses the updates
/// (WCAG 2.2.2). Without JavaScript the page simply shows them at the
/// next load, and the button is not drawn.
#[island]
fn LiveComments(subject: String, target: String, after: i64, lang: Lang) -> impl IntoView {
    let t = text(lang);
    let fresh = RwSignal::new(Vec::<Comment>::new());
    let newest = RwSignal::new(after);
    let paused = RwSignal::new(false);
    let running = RwSignal::new(false);
    Effect::new(move || {
        running.set(true);
        let (subject, target) = (subject.clone(), target.clone());
        let handle = set_interval_with_handle(
            move || {
                if paused.get_untracked() {
                    return;
                }
                let (subject, target) = (subject.clone(), target.clone());
                leptos::task::spawn_local(async move {
                    let since = newest.get_untracked();
                    if let Ok(list) = super::api::comments_since(subject, target, since).await {
                        if let Some(last) = list.last() {
                            newest.set(last.created_at);
                        }
                        fresh.update(|all| all.extend(list));
                    }
                });
            },
            std::time::Duration::from_secs(15),
        );
        on_cleanup(move || {
            if let Ok(handle) = handle {
                handle.clear();
            }
        });
    });
    let status = move || {
        if paused.get() {
            return t.live_paused.to_string();
        }
        match fresh.with(Vec::len) {
            0 => String::new(),
            1 => t.live_one.to_string(),
            n => t.live_many.replace("{n}", &n.to_string()),
        }
    };
    view! {
        <div class="live-comments">
            <p class="live-comments__status" aria-live="polite">{status}</p>
            {move || running.get().then(|| view! {
                <button type="button" class="button button--small button--quiet-dark"
                    aria-pressed=move || if paused.get() { "true" } else { "false" }
                    on:click=move |_| paused.update(|p| *p = !*p)>
                    {t.pause}
                </button>
            })}
            {move || {
                let list = fresh.get();
                (!list.is_empty()).then(|| view! {
                    <h3>{t.new_heading}</h3>
                    {list.into_iter().map(|c| view! {
                        <article class="comment"><CommentBody comment=c lang /></article>
                    }).collect_view()}
                    <p>{t.reload}</p>
                })
            }}
        </div>
    }
}
