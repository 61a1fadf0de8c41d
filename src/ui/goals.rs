//! Goals: what the user is asking for. No ask without a goal.

use crate::app::use_app;
use leptos::prelude::*;

#[component]
pub fn Goals() -> impl IntoView {
    let app = use_app();
    let count = Memo::new(move |_| app.data.with(|d| d.goals.values().filter(|g| !g.archived).count()));
    view! {
        <section class="page">
            <h1>"Goals"</h1>
            <Show when=move || count.get() == 0>
                <div class="empty">
                    <h2>"No goals yet"</h2>
                    <p>"A goal says what you are asking for: the role, the industry, the place, and either any company (\u{201c}keep me in mind\u{201d}) or one company you are targeting."</p>
                </div>
            </Show>
        </section>
    }
}
