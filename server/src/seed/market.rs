//! The demo story's market side: two supplier organisations, each with a
//! person to sign in as, registered for the announced buses dialogue and
//! coming to its meeting; one of them asked a question, which the hosts
//! answered to all, and answered the dialogue in writing, asking for its
//! prices to be kept confidential; the hosts offered individual meetings
//! and the other booked one; the information log holds all of it.

use super::public_id;
use anyhow::Context;
use rand::rngs::StdRng;

app::sql!(
    ANNOUNCE = "UPDATE dialogues SET announced_at = $1, question_deadline = $2, \
     supplier_places = 10, written_answers = 1 WHERE id = $3"
);
app::sql!(
    DEMO_DIALOGUE = "SELECT d.public_id, q.text FROM dialogues d \
     JOIN dialogue_questions q ON q.dialogue_id = d.id AND q.position = 1 WHERE d.id = $1"
);
app::sql!(
    INSERT_ANSWER = "INSERT INTO supplier_answers (public_id, dialogue_id, supplier_id, version, \
     receipt, submitted_at, account_id, digest) VALUES ($1, $2, $3, 1, $4, $5, $6, $7) \
     RETURNING id"
);
app::sql!(
    INSERT_ANSWER_PART = "INSERT INTO supplier_answer_parts (answer_id, position, question, body, \
     secret_what, secret_why, secret_harm) VALUES ($1, 1, $2, $3, $4, $5, $6)"
);
app::sql!(
    INSERT_ANSWER_DRAFT = "INSERT INTO answer_drafts (dialogue_id, supplier_id, position, body, \
     secret_what, secret_why, secret_harm, saved_at) VALUES ($1, $2, 1, $3, $4, $5, $6, $7)"
);
app::sql!(
    INSERT_FILE = "INSERT INTO stored_files (media_type, size, sha256, bytes, created_at) \
     VALUES ('application/pdf', $1, $2, $3, $4) RETURNING id"
);
app::sql!(
    INSERT_DRAFT_FILE = "INSERT INTO answer_draft_files (public_id, dialogue_id, supplier_id, \
     file_id, name, secret_what, secret_why, secret_harm, added_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
);
app::sql!(
    INSERT_ANSWER_FILE = "INSERT INTO supplier_answer_files (answer_id, position, file_id, name, \
     secret_what, secret_why, secret_harm) VALUES ($1, 1, $2, $3, $4, $5, $6)"
);
app::sql!(TAKE_WRITTEN_ANSWERS = "UPDATE dialogues SET written_answers = 1 WHERE id = $1");
app::sql!(
    INSERT_SUPPLIERS = "INSERT INTO suppliers (public_id, name, country, scheme, identifier, \
     created_at) VALUES ($1, $2, 'SE', 'orgnr', $3, $4) RETURNING id"
);
app::sql!(
    INSERT_SUPPLIER_PEOPLE = "INSERT INTO accounts (email, name, password_hash, language, \
     email_verified_at, created_at, title) VALUES ($1, $2, $3, $6, $4, $4, $5) RETURNING id"
);
app::sql!(
    INSERT_SUPPLIER_MEMBERS = "INSERT INTO supplier_members (supplier_id, account_id, role, \
     status, requested_at, decided_at) VALUES ($1, $2, 'admin', 'active', $3, $3)"
);
app::sql!(
    INSERT_DIALOGUE_SUPPLIERS = "INSERT INTO dialogue_suppliers (dialogue_id, supplier_id, \
     account_id, registered_at) VALUES ($1, $2, $3, $4)"
);
app::sql!(
    INSERT_MEETING_SUPPLIERS = "INSERT INTO meeting_suppliers (session_id, supplier_id, \
     attendees, registered_at) SELECT id, CAST($2 AS BIGINT), CAST($3 AS TEXT), \
     CAST($4 AS BIGINT) FROM dialogue_sessions WHERE dialogue_id = $1"
);
app::sql!(
    INSERT_QA = "INSERT INTO dialogue_qa (dialogue_id, question, answer, published_at, \
     account_id) VALUES ($1, $2, $3, $4, $5) RETURNING id"
);
app::sql!(
    INSERT_SUPPLIER_QUESTIONS = "INSERT INTO supplier_questions (public_id, dialogue_id, \
     supplier_id, account_id, body, asked_at, qa_id) VALUES ($1, $2, $3, $4, $5, $6, $7)"
);
app::sql!(
    INSERT_INFORMATION = "INSERT INTO dialogue_information (dialogue_id, kind, body, \
     supplier_id, at) VALUES ($1, $2, $3, $4, $5) RETURNING id"
);
app::sql!(
    INSERT_RECIPIENTS = "INSERT INTO dialogue_information_recipients (information_id, \
     supplier_id) VALUES ($1, $2)"
);

const DAY: i64 = 86_400_000;

/// (name, organisationsnummer, person, address, title, who comes)
const SUPPLIERS: [(&str, &str, &str, &str, &str, &str); 2] = [
    (
        "Laddbolaget Norden AB",
        "556036-0793",
        "Sara Säljare",
        "sara@laddbolaget.se",
        "Affärsutvecklare",
        "Sara Säljare\nPer Tekniker",
    ),
    (
        "Elbuss Sverige AB",
        "556677-8899",
        "Omar Ombud",
        "omar@elbuss.se",
        "Försäljningschef",
        "Omar Ombud",
    ),
];

pub(super) async fn demo_market(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    rng: &mut StdRng,
    dialogue: i64,
    host: (i64, i64),
    hash: &str,
    now: i64,
) -> anyhow::Result<()> {
    let announced = now - 5 * DAY;
    sqlx::query(ANNOUNCE)
        .bind(announced)
        .bind(now + 20 * DAY)
        .bind(dialogue)
        .execute(&mut **tx)
        .await
        .context("announcing the demo dialogue")?;
    insert_information(
        tx,
        dialogue,
        "announced",
        "Dialogmöte om eldrivna bussar",
        None,
        announced,
    )
    .await?;
    let mut suppliers = Vec::new();
    for (k, (name, number, person, email, title, coming)) in SUPPLIERS.into_iter().enumerate() {
        let at = announced + (k as i64 + 1) * DAY;
        let supplier_key = public_id(rng);
        let who = Registered {
            key: &supplier_key,
            name,
            number,
            email,
            person,
            title,
            language: "sv",
        };
        let (supplier, account) = registered_supplier(tx, dialogue, &who, hash, at).await?;
        sqlx::query(INSERT_MEETING_SUPPLIERS)
            .bind(dialogue)
            .bind(supplier)
            .bind(coming)
            .bind(at)
            .execute(&mut **tx)
            .await
            .with_context(|| format!("saying who comes for {name}"))?;
        insert_information(tx, dialogue, "registered", "", Some(supplier), at).await?;
        suppliers.push((supplier, account, supplier_key));
    }
    let (asker, asker_account, _) = suppliers[0];
    let answered = announced + 3 * DAY;
    let (qa,): (i64,) = sqlx::query_as(INSERT_QA)
        .bind(dialogue)
        .bind("Hur lång laddtid i depå räknar ni med per buss och natt?")
        .bind("Högst sex timmar mellan klockan 23 och 05. Vi vill höra vilka lösningar som klarar det vintertid.")
        .bind(answered)
        .bind(host.1)
        .fetch_one(&mut **tx)
        .await
        .context("publishing the demo answer")?;
    sqlx::query(INSERT_SUPPLIER_QUESTIONS)
        .bind(public_id(rng))
        .bind(dialogue)
        .bind(asker)
        .bind(asker_account)
        .bind(
            "Vi undrar hur länge era bussar kan stå på laddning i depån på natten, för vår offert?",
        )
        .bind(answered - DAY / 2)
        .bind(qa)
        .execute(&mut **tx)
        .await
        .context("keeping the question as it was asked")?;
    let told = insert_information(
        tx,
        dialogue,
        "answer",
        "Hur lång laddtid i depå räknar ni med per buss och natt?\n\nHögst sex timmar mellan klockan 23 och 05. Vi vill höra vilka lösningar som klarar det vintertid.",
        None,
        answered,
    )
    .await?;
    for (supplier, ..) in &suppliers {
        sqlx::query(INSERT_RECIPIENTS)
            .bind(told)
            .bind(supplier)
            .execute(&mut **tx)
            .await
            .context("listing who was told")?;
    }
    let (supplier, account, key) = &suppliers[0];
    written_answer(
        tx,
        rng,
        dialogue,
        (*supplier, *account, key),
        answered + DAY,
    )
    .await?;
    let all: Vec<i64> = suppliers.iter().map(|(s, ..)| *s).collect();
    let (booker, booker_account, _) = suppliers[1];
    individual_meetings(tx, rng, dialogue, &all, (booker, booker_account), now).await
}

app::sql!(
    INSERT_SLOT = "INSERT INTO meeting_slots (public_id, dialogue_id, starts_at, ends_at, place, \
     link, offered_at, supplier_id, booked_by, booked_at, attendees) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
);
app::sql!(SET_CUTOFF = "UPDATE dialogues SET slot_cutoff = $1 WHERE id = $2");

/// Four individual meetings of 45 minutes offered to both suppliers a day
/// ago, read by the product's own form; Elbuss has booked the second.
async fn individual_meetings(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    rng: &mut StdRng,
    dialogue: i64,
    suppliers: &[i64],
    (booker, account): (i64, i64),
    now: i64,
) -> anyhow::Result<()> {
    use app::dialogues::slots::{text::told, Offer, OfferForm};
    let date = |days: i64| app::time::stockholm_parts(now + days * DAY).0;
    let form = OfferForm {
        first_date: date(12),
        first_time: "09:00".into(),
        count: "4".into(),
        minutes: "45".into(),
        gap: "15".into(),
        place: "Trafikförvaltningen, Lindhagensgatan 100, rum Kungsholmen".into(),
        link: "https://mote.example.se/enskilda-elbussar".into(),
        cutoff_date: date(10),
        cutoff_time: "16:00".into(),
    };
    let offered = now - DAY;
    let offer = Offer::parse(&form, offered, app::dialogues::slots::Offered::default())
        .map_err(|e| anyhow::anyhow!("the demo's slots: {e:?}"))?;
    for (i, (starts, ends)) in offer.slots().iter().enumerate() {
        let booked = i == 1;
        sqlx::query(INSERT_SLOT)
            .bind(public_id(rng))
            .bind(dialogue)
            .bind(*starts)
            .bind(*ends)
            .bind(offer.place())
            .bind(offer.link())
            .bind(offered)
            .bind(booked.then_some(booker))
            .bind(booked.then_some(account))
            .bind(booked.then_some(offered + DAY / 3))
            .bind(if booked {
                "Omar Ombud, försäljningschef"
            } else {
                ""
            })
            .execute(&mut **tx)
            .await
            .context("offering the demo's individual meetings")?;
    }
    sqlx::query(SET_CUTOFF)
        .bind(offer.cutoff())
        .bind(dialogue)
        .execute(&mut **tx)
        .await
        .context("setting the bookings' cut-off")?;
    let body = told(&offer, app::i18n::Lang::Sv);
    let entry = insert_information(tx, dialogue, "message", &body, None, offered).await?;
    for supplier in suppliers {
        sqlx::query(INSERT_RECIPIENTS)
            .bind(entry)
            .bind(supplier)
            .execute(&mut **tx)
            .await
            .context("listing who was told of the slots")?;
    }
    Ok(())
}

/// Laddbolaget's price sheet: a one-page PDF, written out here so the
/// demo needs no file of its own.
fn price_sheet() -> Vec<u8> {
    let lines = [
        "Laddbolaget AB - prisbilaga till svaret",
        "Laddpunkt 150 kW: 450 000 kr",
        "Service per laddpunkt och ar: 30 000 kr",
    ];
    let text: String = lines
        .iter()
        .enumerate()
        .map(|(i, line)| format!("BT /F1 14 Tf 72 {} Td ({line}) Tj ET\n", 770 - 24 * i))
        .collect();
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_string(),
        format!("<< /Length {} >>\nstream\n{text}endstream", text.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for offset in offsets {
        table.push_str(&format!("{offset:010} 00000 n \n"));
    }
    pdf.extend_from_slice(table.as_bytes());
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

/// Laddbolaget's written answer, version 1, with its receipt's digest
/// worked out as the product works it out.
async fn written_answer(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    rng: &mut StdRng,
    dialogue: i64,
    (supplier, account, supplier_key): (i64, i64, &str),
    at: i64,
) -> anyhow::Result<()> {
    use app::dialogues::answers::{AnswerContent, AnswerPart, AttachedFile, SecretRequest};
    let (dialogue_key, question): (String, String) = sqlx::query_as(DEMO_DIALOGUE)
        .bind(dialogue)
        .fetch_one(&mut **tx)
        .await
        .context("reading the demo dialogue's question")?;
    let secret = SecretRequest {
        harm:
            "Konkurrenter kan använda priserna för att lägga sig strax under oss i upphandlingen."
                .into(),
        what: "Priserna per laddpunkt och för service.".into(),
        why: "Affärshemlighet: priserna är inte offentliga och förhandlas per kund.".into(),
    };
    let sheet = price_sheet();
    let sheet_name = "Prisbilaga Laddbolaget.pdf";
    let sheet_secret = SecretRequest {
        harm: secret.harm.clone(),
        what: "Hela prisbilagan.".into(),
        why: secret.why.clone(),
    };
    let content = AnswerContent {
        attachments: vec![AttachedFile {
            media_type: "application/pdf".into(),
            name: sheet_name.into(),
            position: 1,
            secret: Some(sheet_secret.clone()),
            sha256: app::core::files::sha256_hex(&sheet),
            size: sheet.len() as i64,
        }],
        dialogue: dialogue_key,
        parts: vec![AnswerPart {
            answer: "Depåladdning med 150 kW per buss räcker för stadstrafik även vintertid. \
                Laddpunkt 450 000 kr, service 30 000 kr per år och punkt."
                .into(),
            position: 1,
            question,
            secret: Some(secret.clone()),
        }],
        receipt: "SV-7KQ2-M9XD".into(),
        submitted_at: at,
        supplier: supplier_key.to_string(),
        version: 1,
    };
    let part = &content.parts[0];
    let (id,): (i64,) = sqlx::query_as(INSERT_ANSWER)
        .bind(public_id(rng))
        .bind(dialogue)
        .bind(supplier)
        .bind(&content.receipt)
        .bind(at)
        .bind(account)
        .bind(content.digest()?)
        .fetch_one(&mut **tx)
        .await
        .context("submitting the demo's written answer")?;
    sqlx::query(INSERT_ANSWER_PART)
        .bind(id)
        .bind(&part.question)
        .bind(&part.answer)
        .bind(&secret.what)
        .bind(&secret.why)
        .bind(&secret.harm)
        .execute(&mut **tx)
        .await
        .context("storing the demo answer's part")?;
    sqlx::query(INSERT_ANSWER_DRAFT)
        .bind(dialogue)
        .bind(supplier)
        .bind(&part.answer)
        .bind(&secret.what)
        .bind(&secret.why)
        .bind(&secret.harm)
        .bind(at)
        .execute(&mut **tx)
        .await
        .context("keeping the demo answer in its form")?;
    let (file,): (i64,) = sqlx::query_as(INSERT_FILE)
        .bind(sheet.len() as i64)
        .bind(&content.attachments[0].sha256)
        .bind(&sheet[..])
        .bind(at)
        .fetch_one(&mut **tx)
        .await
        .context("storing the demo answer's price sheet")?;
    sqlx::query(INSERT_ANSWER_FILE)
        .bind(id)
        .bind(file)
        .bind(sheet_name)
        .bind(&sheet_secret.what)
        .bind(&sheet_secret.why)
        .bind(&sheet_secret.harm)
        .execute(&mut **tx)
        .await
        .context("attaching the price sheet to the demo answer")?;
    sqlx::query(INSERT_DRAFT_FILE)
        .bind(public_id(rng))
        .bind(dialogue)
        .bind(supplier)
        .bind(file)
        .bind(sheet_name)
        .bind(&sheet_secret.what)
        .bind(&sheet_secret.why)
        .bind(&sheet_secret.harm)
        .bind(at)
        .execute(&mut **tx)
        .await
        .context("keeping the price sheet in the demo answer's form")?;
    Ok(())
}

/// The benchmarks' crowded dialogue: announced by the first network's
/// coordinator, with `count` supplier organisations registered, each with
/// one person (every fifth reading English), so that publishing one
/// answer mails `count` people, and many suppliers can answer in writing
/// at once. Gives its public id.
pub(super) async fn crowded_dialogue(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    rng: &mut StdRng,
    place: &super::networks::NeedPlace,
    host: (i64, i64),
    count: usize,
    hash: &str,
    now: i64,
) -> anyhow::Result<String> {
    let title = "Marknadsdialog med många leverantörer";
    let (id, public_id) = super::dialogues::insert_dialogue(
        tx,
        rng,
        place,
        host,
        title,
        "announced",
        now + 30 * DAY,
        now,
    )
    .await?;
    insert_information(tx, id, "announced", title, None, now - 21 * DAY).await?;
    // It takes written answers too: the attachments benchmark answers it.
    sqlx::query(TAKE_WRITTEN_ANSWERS)
        .bind(id)
        .execute(&mut **tx)
        .await
        .context("letting the crowded dialogue take written answers")?;
    for i in 0..count {
        let at = now - 20 * DAY + i as i64 * 60_000;
        let number = app::organisations::OrgNumber::completing(&format!("5591{i:05}"))
            .map(|n| n.as_str().to_string())
            .context("making a supplier's organisationsnummer")?;
        let (key, name) = (super::public_id(rng), format!("Leverantör {} AB", i + 1));
        let (email, person) = (
            format!("leverantor{}@leverantor.example", i + 1),
            format!("Säljare {}", i + 1),
        );
        let who = Registered {
            key: &key,
            name: &name,
            number: &number,
            email: &email,
            person: &person,
            title: "Säljare",
            language: if i % 5 == 4 { "en" } else { "sv" },
        };
        let (supplier, _) = registered_supplier(tx, id, &who, hash, at).await?;
        insert_information(tx, id, "registered", "", Some(supplier), at).await?;
    }
    Ok(public_id)
}

/// A supplier organisation with one person, its admin, registered for
/// `dialogue` by that person.
struct Registered<'a> {
    key: &'a str,
    name: &'a str,
    number: &'a str,
    email: &'a str,
    person: &'a str,
    title: &'a str,
    language: &'a str,
}

/// Inserts the supplier, its person and registration; (supplier, account).
async fn registered_supplier(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    dialogue: i64,
    who: &Registered<'_>,
    hash: &str,
    at: i64,
) -> anyhow::Result<(i64, i64)> {
    let (supplier,): (i64,) = sqlx::query_as(INSERT_SUPPLIERS)
        .bind(who.key)
        .bind(who.name)
        .bind(who.number)
        .bind(at)
        .fetch_one(&mut **tx)
        .await
        .with_context(|| format!("registering the supplier {}", who.name))?;
    let (account,): (i64,) = sqlx::query_as(INSERT_SUPPLIER_PEOPLE)
        .bind(who.email)
        .bind(who.person)
        .bind(hash)
        .bind(at)
        .bind(who.title)
        .bind(who.language)
        .fetch_one(&mut **tx)
        .await
        .with_context(|| format!("making {}'s account", who.person))?;
    sqlx::query(INSERT_SUPPLIER_MEMBERS)
        .bind(supplier)
        .bind(account)
        .bind(at)
        .execute(&mut **tx)
        .await
        .with_context(|| format!("making {} admin of {}", who.person, who.name))?;
    sqlx::query(INSERT_DIALOGUE_SUPPLIERS)
        .bind(dialogue)
        .bind(supplier)
        .bind(account)
        .bind(at)
        .execute(&mut **tx)
        .await
        .with_context(|| format!("registering {} for the dialogue", who.name))?;
    Ok((supplier, account))
}

async fn insert_information(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    dialogue: i64,
    kind: &str,
    body: &str,
    supplier: Option<i64>,
    at: i64,
) -> anyhow::Result<i64> {
    let (id,): (i64,) = sqlx::query_as(INSERT_INFORMATION)
        .bind(dialogue)
        .bind(kind)
        .bind(body)
        .bind(supplier)
        .bind(at)
        .fetch_one(&mut **tx)
        .await
        .with_context(|| format!("logging what suppliers were told ({kind})"))?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_suppliers_numbers_pass_the_products_own_rules() {
        for (name, number, ..) in SUPPLIERS {
            let parsed = app::organisations::OrgNumber::parse(number).expect(name);
            assert_eq!(parsed.as_str(), number);
        }
    }
}
