//! Phrases of the forms and notes around a post that a text copy keeps as
//! paragraphs: a comment form, a blog's filing note, sign-up boxes,
//! newsletter and notification offers, affiliate disclaimers.

/// Phrases of such paragraphs, lowercased; read like
/// [`super::boiler_phrases::LONG_CONTAINS`].
pub(super) const FORM_CONTAINS: &[&str] = &[
    // A comment form's notes and check boxes, and a blog host's footer.
    "will not be published",
    "wird nicht veröffentlicht",
    "non sarà pubblicato",
    "ne sera pas publiée",
    "no será publicada",
    "notify me of",
    "benachrichtige mich",
    "benachrichtigung bei weiteren kommentaren",
    "informiere mich über neue beiträge",
    "avvisami via e-mail",
    "reduce spam",
    "spam zu reduzieren",
    "ridurre lo spam",
    "réduire les indésirables",
    "comment data is processed",
    "kommentardaten",
    "save my name, email",
    "meinen namen, meine e-mail",
    "free website or blog",
    "kostenlose website oder",
    "kostenlos eine website",
    // A blog post's filing note under its text.
    "this entry was posted in",
    "bookmark the permalink",
    "dieser eintrag wurde veröffentlicht in",
    "lesezeichen auf den permalink",
    "questa voce è stata pubblicata in",
    "cette entrée a été publiée dans",
    "esta entrada fue publicada en",
    "dieser beitrag wurde veröffentlicht in",
    "dieser beitrag wurde unter",
    // A blog's offer of its posts by mail, and a licence in its footer.
    "to subscribe to this blog",
    "diesen blog zu abonnieren",
    "neue beiträge per e-mail",
    "new posts by email",
    "licensed under a creative commons",
    "unter einer creative commons",
    "meinen namen, e-mail",
    // A sign-up form's consent boxes and pitch.
    "akzeptiere die datenschutz",
    "mit der anmeldung stimme ich",
    "wir informieren sie regelmäßig",
    "ihr beitrag hilft",
    "your contribution helps",
    // A comment section's rules.
    "opinión de los usuarios",
    "comentarios contrarios",
    "eliminar cualquier comentario",
    "campos obligatorios",
    "responsable de todo lo que escribe",
    "reserves the right to remove",
    "reserves the right to delete",
    "behält sich vor, kommentare",
    "si riserva il diritto di",
    "لا تعبر عن رأي",
    "not necessarily reflect",
    // Paywall and reprint notes of Japanese pages: members only, reprints.
    "会員限定",
    "転載・複製",
    // A post's date and filing ("Erstellt am … und abgelegt unter …").
    "und abgelegt unter",
    // Offers of mail, notifications and newsletters.
    "enter your email",
    "gib deine e-mail-adresse ein",
    "to your inbox",
    "in your inbox every",
    "to their inboxes",
    "kostenlosen newsletter",
    "abonnieren sie kostenlos",
    "benachrichtigung aktivieren",
    "sähköpostiisi",
    "skrzynki mailowej",
    "zapisz się na nasz newsletter",
    // A sign-up form's consent to the processing of one's data.
    "przetwarzanie moich danych",
    "administratorem danych",
    "przesyłania newslettera",
    "ochronie danych osobowych",
    "rss-feed abonnieren",
    // A video advert's overlay, copied with the player's other labels.
    "skip ad",
    // A recipe's or a shop's offer to fill a basket.
    "to your basket",
    // Affiliate and advertiser disclaimers.
    "amazon associate",
    "disclaimer:",
    // A magazine's appeal to its readers, its offer of single issues.
    "gefällt dir unser",
    "gefällt ihnen unser",
    "wesprzyj nas",
    "einzelheft",
    // Prompts to write to the editors or report a mistake, a comment
    // form's note.
    "die redaktion per e-mail",
    "reportar errores",
    "report an error",
    "report a typo",
    "fragen oder anregungen",
    "fragen und anregungen",
    "przed dodaniem komentarza",
];

#[cfg(test)]
mod tests {
    use super::super::boilerplate::is_boilerplate;

    #[test]
    fn offers_filing_notes_and_disclaimers_around_a_post_are_boilerplate() {
        for line in [
            "Erstellt am Dienstag 6. Mai 2014 um 23:30 und abgelegt unter Linux, Tutorials.",
            "Gib deine E-Mail-Adresse ein, um diesem Blog zu folgen und per E-Mail \
             Benachrichtigungen über neue Beiträge zu erhalten.",
            "Missing out on the latest news? Enter your email below to receive future \
             announcements direct to your inbox.",
            "Join the hundreds of developers who get new code and links delivered to their \
             inboxes every week.",
            "Bleiben Sie auf dem Laufenden mit unserem kostenlosen Newsletter!",
            "Saat parhaat sisällöt suoraan sähköpostiisi!",
            "Codziennie nowe informacje i przegląd prasy prosto do Twojej skrzynki mailowej.",
            "Wyrażam zgodę na przetwarzanie moich danych osobowych przez wydawcę.",
            "Dane osobowe zbierane są wyłącznie w celu przesyłania Newslettera.",
            "Want to get it in your inbox every Sunday? Subscribe below!",
            "Read More Woman Takes In Two Children 1/1 00:05 Skip Ad Continue watching",
            "Online-Pressemappe - alle Pressemitteilungen | RSS-Feed abonnieren",
            "Like recipe? Add the ingredients to your basket and deliver to you.",
            "Benachrichtigung aktivieren Dürfen wir Sie in Ihrem Browser über die wichtigsten \
             Nachrichten informieren?",
            "This site participates in the Amazon Associate program and earns revenue from \
             qualifying purchases.",
            "Disclaimer: The responses below are not provided or commissioned by the bank.",
            "Haben Sie Fragen oder Anregungen zu einem Beitrag? Wir freuen uns auf Ihre Nachricht.",
            "Gefällt dir unser Magazin? Wir haben entschieden, keine Bezahlschranke einzuführen.",
            "ultimahora.es se reserva el derecho de eliminar cualquier comentario inapropiado.",
            "* Campos obligatorios Acepto las condiciones de las normas de uso y aviso legal",
            "The site reserves the right to remove comments that break the rules.",
            "The views expressed in the comments do not necessarily reflect those of the paper.",
            "الآراء الواردة أدناه لا تعبر عن رأي الموقع",
            "［有料会員限定］ この記事は会員限定です。",
            "Lesen Sie das Magazin digital in der App oder bestellen Sie es als Einzelheft:",
            "Wenn Sie Anmerkungen zu diesem Artikel haben, können Sie die Redaktion per E-Mail \
             informieren.",
            "Los invitamos a reportar errores de contenido, ortografía o puntuación.",
            "Czytasz nowy rodzaj materiału na naszym portalu. Wesprzyj nas!",
        ] {
            assert!(is_boilerplate(line, line.chars().count()), "{line}");
        }
    }

    #[test]
    fn a_posts_meta_line_that_files_it_is_no_boilerplate() {
        let line = "Veröffentlicht: 05.01.2020 | Autor: gnaddrig | Abgelegt unter: Fotografie";
        assert!(!is_boilerplate(line, line.chars().count()));
    }
}
