//! A subject's discussion as its page shows it: threads with their forms
//! (each a plain form post), pages of threads, and an island that shows
//! comments others write while the page is open.

use super::{
    api::{DeleteComment, EditComment, HideComment, PostComment},
    text::text,
    Comment, CommentState, Discussion, Subject, MAX_DEPTH,
};
use crate::{
    i18n::{use_lang, Lang},
    time::format_stockholm,
    ui::form::{ErrorSummary, FormFeedback, Notice},
    ui::query_has,
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
    let errors = post
        .error()
        .or(FormFeedback::for_action(EditComment::PATH).error())
        .or(FormFeedback::for_action(DeleteComment::PATH).error())
        .or(FormFeedback::for_action(HideComment::PATH).error());
    let may_post = discussion.may_post;
    let may_moderate = discussion.may_moderate;
    let paged = crate::ui::query_value("kommentarer");
    view! {
        <section aria-labelledby="kommentarer" class="discussion">
            <h2 id="kommentarer">{t.heading}</h2>
            <Notice show=query_has("kommenterat") text=t.posted />
            <Notice show=query_has("borttagen") text=t.removed />
            <Notice show=query_has("dold") text=t.hidden_notice />
            <ErrorSummary error=errors labels=vec![("body", t.body), ("reason", t.hide_reason)] />
            {discussion.threads.is_empty().then(|| view! { <p>{t.none}</p> })}
            {discussion.threads.into_iter().map(|thread| view! {
                <div class="thread">
                    {thread.into_iter().map(|c| view! {
                        <CommentItem comment=c subject target=target.clone() may_post may_moderate />
                    }).collect_view()}
                </div>
            }).collect_view()}
            <nav class="pagination" aria-label=t.heading>
                {(!paged.is_empty()).then(|| view! { <a href=format!("{path}#kommentarer")>{t.first}</a> })}
                {discussion.next.map(|next| view! {
                    <a href=format!("{path}?kommentarer={next}#kommentarer") rel="next">{t.more}</a>
                })}
            </nav>
            <LiveComments subject=subject.code().to_string() target=target.clone() after=discussion.newest lang />
            {if may_post {
                view! { <CommentForm subject target=target.clone() parent=String::new() prefix="ny".into() /> }.into_any()
            } else {
                view! { <p>{t.observer}</p> }.into_any()
            }}
        </section>
    }
}

#[component]
fn CommentItem(
    comment: Comment,
    subject: Subject,
    target: String,
    may_post: bool,
    may_moderate: bool,
) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let visible = comment.state == CommentState::Visible;
    let id = comment.public_id.clone();
    let anchor = format!("kommentar-{id}");
    let (id_reply, id_edit, id_delete, id_hide) = (id.clone(), id.clone(), id.clone(), id);
    view! {
        <article id=anchor class=format!("comment comment--depth-{}", comment.depth)>
            <CommentBody comment=comment.clone() lang />
            {(visible && may_post && comment.depth < MAX_DEPTH).then(|| view! {
                <details>
                    <summary>{t.reply}<span class="visually-hidden">{format!(": {}", comment.author)}</span></summary>
                    <CommentForm subject target=target.clone() parent=id_reply.clone() prefix=format!("svar-{id_reply}") />
                </details>
            })}
            {(visible && comment.mine).then(|| {
                let edit = ServerAction::<EditComment>::new();
                let field = format!("andra-{id_edit}");
                view! {
                    <details>
                        <summary>{t.edit}</summary>
                        <ActionForm action=edit>
                            <input type="hidden" name="comment" value=id_edit.clone() />
                            <div class="field">
                                <label for=field.clone()>{t.body}</label>
                                <textarea id=field name="body" rows="4" required=true maxlength=super::BODY_MAX>{comment.body.clone()}</textarea>
                            </div>
                            <button type="submit" class="button button--small">{t.save}</button>
                        </ActionForm>
                    </details>
                }
            })}
            {(comment.mine && comment.state != CommentState::Deleted).then(|| {
                let delete = ServerAction::<DeleteComment>::new();
                view! {
                    <ActionForm action=delete attr:class="inline-form">
                        <input type="hidden" name="comment" value=id_delete.clone() />
                        <button type="submit" class="button button--small button--quiet-dark">{t.delete}</button>
                    </ActionForm>
                }
            })}
            {(visible && may_moderate).then(|| {
                let hide = ServerAction::<HideComment>::new();
                let field = format!("dolj-{id_hide}");
                view! {
                    <details>
                        <summary>{t.hide}<span class="visually-hidden">{format!(": {}", comment.author)}</span></summary>
                        <ActionForm action=hide>
                            <input type="hidden" name="comment" value=id_hide.clone() />
                            <div class="field">
                                <label for=field.clone()>{t.hide_reason}</label>
                                <textarea id=field name="reason" rows="2" required=true maxlength=crate::networks::REASON_MAX></textarea>
                            </div>
                            <button type="submit" class="button button--small button--quiet-dark">{t.hide_button}</button>
                        </ActionForm>
                    </details>
                }
            })}
        </article>
    }
}

/// The author line and the text, or the tombstone; shared by the page and
/// the live island.
#[component]
fn CommentBody(comment: Comment, lang: Lang) -> impl IntoView {
    let t = text(lang);
    let edited = comment.edited.then(|| format!(" ({})", t.edited));
    view! {
        <p class="comment__meta">
            <strong>{comment.author}</strong>
            {format!(", {} · ", comment.organisation)}
            <time>{format_stockholm(comment.created_at)}</time>
            {edited}
        </p>
        {match comment.state {
            CommentState::Visible => view! { <div class="comment__body" inner_html=comment.body_html></div> }.into_any(),
            CommentState::Deleted => view! { <p class="comment__tombstone">{t.deleted}</p> }.into_any(),
            CommentState::Hidden(reason) => view! {
                <p class="comment__tombstone">{format!("{}: {reason}", t.hidden)}</p>
            }.into_any(),
        }}
    }
}

#[component]
fn CommentForm(subject: Subject, target: String, parent: String, prefix: String) -> impl IntoView {
    let t = text(use_lang());
    let action = ServerAction::<PostComment>::new();
    let field = format!("kommentar-{prefix}");
    let hint = format!("{field}-hint");
    let reply = !parent.is_empty();
    view! {
        <ActionForm action>
            <input type="hidden" name="subject" value=subject.code() />
            <input type="hidden" name="target" value=target />
            <input type="hidden" name="parent" value=parent />
            <div class="field">
                <label for=field.clone()>{if reply { t.reply } else { t.write }}</label>
                <p class="hint" id=hint.clone()>{t.body_hint}</p>
                <textarea id=field name="body" rows="4" required=true maxlength=super::BODY_MAX aria-describedby=hint></textarea>
            </div>
            <button type="submit" class="button">{if reply { t.send_reply } else { t.send }}</button>
        </ActionForm>
    }
}

/// Comments others write while the page is open, fetched every 15 seconds
/// and announced politely to screen readers. Without JavaScript the page
/// simply shows them at the next load.
#[island]
fn LiveComments(subject: String, target: String, after: i64, lang: Lang) -> impl IntoView {
    let t = text(lang);
    let fresh = RwSignal::new(Vec::<Comment>::new());
    let newest = RwSignal::new(after);
    Effect::new(move || {
        let (subject, target) = (subject.clone(), target.clone());
        let handle = set_interval_with_handle(
            move || {
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
    view! {
        <div aria-live="polite" class="live-comments">
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
