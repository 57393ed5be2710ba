//! The words of the room's page, the web page participants open on their
//! phones, in the agenda's language.

use crate::agenda::Language;

/// Every word the room's page shows.
#[derive(Debug)]
pub struct RoomWords {
    /// The `lang` attribute of the page.
    pub lang: &'static str,
    /// The page's title, after the agenda's.
    pub page_title: &'static str,
    /// Above the code field.
    pub join_heading: &'static str,
    /// What to type.
    pub join_prompt: &'static str,
    /// The code field's label.
    pub code_label: &'static str,
    /// The join button.
    pub join_button: &'static str,
    /// A code that is not the room's.
    pub wrong_code: &'static str,
    /// Too many wrong codes from this address.
    pub too_many_attempts: &'static str,
    /// The room holds as many devices as it can.
    pub room_full: &'static str,
    /// An address with as many devices as it may have.
    pub address_full: &'static str,
    /// Above the list of groups.
    pub pick_group: &'static str,
    /// When a segment splits the room another way: pick a group again.
    pub pick_new_group: &'static str,
    /// Before the group's name on its page.
    pub your_group: &'static str,
    /// The room is closed.
    pub closed_heading: &'static str,
    /// What a closed room means.
    pub closed_text: &'static str,
    /// The current segment takes no cards.
    pub not_posting: &'static str,
    /// Above the text field.
    pub write_heading: &'static str,
    /// The text field's label.
    pub card_label: &'static str,
    /// The column choice's label.
    pub column_label: &'static str,
    /// The field of a matrix's row.
    pub row_label: &'static str,
    /// The post button.
    pub post_button: &'static str,
    /// Above the group's cards.
    pub cards_heading: &'static str,
    /// A group without cards yet.
    pub no_cards: &'static str,
    /// Marks the device's own cards.
    pub yours: &'static str,
    /// The edit link.
    pub edit: &'static str,
    /// The delete button.
    pub delete: &'static str,
    /// Asked before a card is removed from a phone.
    pub remove_question: &'static str,
    /// What removing does, under the question.
    pub remove_note: &'static str,
    /// The way back without removing.
    pub keep: &'static str,
    /// The save button of an edit.
    pub save: &'static str,
    /// Back to the group's page.
    pub back: &'static str,
    /// Another group.
    pub change_group: &'static str,
    /// Minutes left: "12 min kvar".
    pub minutes_left: &'static str,
    /// Minutes over: "3 min över".
    pub minutes_over: &'static str,
    /// The countdown waits for the facilitator.
    pub not_started: &'static str,
    /// Paused.
    pub paused: &'static str,
    /// Why a post was refused, the text kept below.
    pub refused_heading: &'static str,
    /// Under a refused text.
    pub text_kept: &'static str,
    /// An empty card.
    pub empty_text: &'static str,
    /// A card that is not the device's own, or gone.
    pub not_yours: &'static str,
    /// The facilitator is editing the card.
    pub in_use: &'static str,
    /// Too many posts in a minute.
    pub too_fast: &'static str,
    /// The session has moved on from the card's segment.
    pub segment_over: &'static str,
    /// Above a change the disk has not taken yet.
    pub not_saved_heading: &'static str,
    /// A change the loop took but the disk refuses to keep for now.
    pub not_saved: &'static str,
    /// samla gave no answer in time: the change may or may not be in.
    pub no_answer: &'static str,
    /// An edit from a form older than the card: the card as it is now follows.
    pub stale: &'static str,
    /// A text past the longest the room takes; `{max}` is that many characters.
    pub too_long: &'static str,
    /// A device past its cards; `{max}` is how many.
    pub device_full: &'static str,
    /// The room holds all the phones' cards and text it takes in one
    /// session; `{max}` is how many cards.
    pub room_text_full: &'static str,
    /// A form without its check, or from elsewhere.
    pub bad_form: &'static str,
    /// Not a page of the room.
    pub not_found: &'static str,
    /// Asked for by another name than the room's address.
    pub other_address: &'static str,
    /// Questions, above the segment's questions.
    pub questions: &'static str,
    /// Above a survey.
    pub poll_heading: &'static str,
    /// The link from a group's page to the survey.
    pub answer_link: &'static str,
    /// The first question of a survey.
    pub sector_question: &'static str,
    /// The answer for a respondent who gives no sector.
    pub no_sector: &'static str,
    /// "Vet ej".
    pub dont_know: &'static str,
    /// The box for none of the options, where several may be chosen.
    pub none_chosen: &'static str,
    /// Above the questions a device left unanswered.
    pub skipped: &'static str,
    /// The survey's button.
    pub send_answers: &'static str,
    /// The survey's button once answered.
    pub change_answers: &'static str,
    /// Above a survey the device has answered.
    pub answered: &'static str,
    /// A closed survey.
    pub poll_closed: &'static str,
    /// Above the results shown to the room.
    pub results_heading: &'static str,
    /// After a number of answers.
    pub answers_word: &'static str,
    /// Before a mean.
    pub mean_word: &'static str,
    /// The link to the wall.
    pub wall_link: &'static str,
    /// The wall's title.
    pub wall_heading: &'static str,
    /// The wall while it is not open.
    pub wall_closed: &'static str,
    /// Alone or in pairs: the link to the device's own page.
    pub write_alone: &'static str,
    /// Alone or in pairs: who sees what.
    pub anonymous_note: &'static str,
    /// Alone or in pairs: the card field's label.
    pub own_card_label: &'static str,
    /// Alone or in pairs: above the device's own cards.
    pub own_cards_heading: &'static str,
    /// The wall's lane of cards written alone or in pairs.
    pub everyone: &'static str,
    /// While the room marks priorities: what to do, before "(marked/limit)".
    pub pick_priorities: &'static str,
    /// The button that marks a card as a priority.
    pub mark_priority: &'static str,
    /// The button that takes the mark off.
    pub unmark_priority: &'static str,
    /// Beside a card marked as a priority.
    pub priority: &'static str,
    /// A mark past the group's limit.
    pub priorities_full: &'static str,
    /// A mark while the room may not mark.
    pub not_voting: &'static str,
    /// The link from a group's page to the room's dot voting.
    pub dots_link: &'static str,
    /// The dot voting page's heading.
    pub dots_heading: &'static str,
    /// How many dots are left: "{left}" of "{total}".
    pub dots_left: &'static str,
    /// The button that gives a card a dot.
    pub give_dot: &'static str,
    /// The button that takes the device's dot back.
    pub take_dot: &'static str,
    /// The dot voting page while the room does not vote.
    pub dots_closed: &'static str,
    /// A dot more than the device has.
    pub dots_used: &'static str,
}

const SV: RoomWords = RoomWords {
    lang: "sv",
    page_title: "rummets sida",
    join_heading: "Välkommen",
    join_prompt: "Skriv koden som visas på duken.",
    code_label: "Kod",
    join_button: "Gå med",
    wrong_code: "Det är inte rummets kod. Titta på duken och försök igen.",
    too_many_attempts: "För många fel koder. Vänta en minut och försök igen.",
    room_full: "Rummet är fullt. Be processledaren om hjälp.",
    address_full: "Från den här uppkopplingen är redan så många mobiler med som rummet tar. \
        Be processledaren om hjälp.",
    pick_group: "Välj din grupp",
    pick_new_group: "Nya grupper i det här passet. Välj din grupp.",
    your_group: "Din grupp:",
    closed_heading: "Rummet är stängt",
    closed_text: "Processledaren har stängt rummet. Det du skrev finns kvar hos processledaren.",
    not_posting: "Just nu tar vi inte emot kort. Sidan uppdateras när nästa gruppövning börjar.",
    write_heading: "Skriv ett kort",
    card_label: "Vad kom gruppen fram till?",
    column_label: "Kolumn",
    row_label: "Rad",
    post_button: "Lägg till kortet",
    cards_heading: "Gruppens kort",
    no_cards: "Inga kort ännu.",
    yours: "Ditt kort",
    edit: "Ändra",
    delete: "Ta bort",
    remove_question: "Ta bort kortet?",
    remove_note: "Kortet försvinner från gruppens sida. Processledaren kan ta tillbaka det.",
    keep: "Behåll kortet",
    save: "Spara",
    back: "Tillbaka",
    change_group: "Byt grupp",
    minutes_left: "min kvar",
    minutes_over: "min över",
    not_started: "Väntar på start",
    paused: "Pausad",
    refused_heading: "Kortet kom inte fram",
    text_kept: "Din text finns kvar här, så att du kan kopiera den:",
    empty_text: "Kortet är tomt.",
    not_yours: "Bara den som skrev kortet kan ändra det.",
    in_use: "Processledaren ändrar kortet just nu. Försök igen om en stund.",
    too_fast: "Många kort på kort tid. Vänta en stund och skicka igen.",
    segment_over: "Övningen är slut, så det går inte längre att lägga till eller ändra kort.",
    not_saved_heading: "Inte sparat än",
    not_saved: "Datorn kan inte spara just nu, eftersom dess disk inte tar emot mer. \
        samla försöker igen varje sekund och sparar det så snart det går. \
        Om det inte syns på gruppens sida om en stund kan du skicka igen.",
    no_answer: "samla svarade inte i tid, så det är oklart om det kom fram. \
        Titta på gruppens sida innan du skickar igen.",
    stale: "Någon annan ändrade kortet medan du skrev, så din ändring sparades inte. \
        Så här ser kortet ut nu:",
    too_long: "Texten är för lång: högst {max} tecken går. Korta den och skicka igen.",
    device_full: "Den här mobilen har skickat {max} kort, så många som rummet tar emot från en mobil.",
    room_text_full: "Rummet har tagit emot så många kort och så mycket text som det rymmer \
        under seminariet (högst {max} kort). Säg till processledaren.",
    bad_form: "Formuläret gick inte att läsa. Ladda om sidan och försök igen.",
    not_found: "Sidan finns inte.",
    other_address: "Rummet nås bara på adressen som står på skärmen.",
    questions: "Frågor",
    poll_heading: "Enkät",
    answer_link: "Svara på enkäten",
    sector_question: "Var arbetar du?",
    no_sector: "Vill inte ange",
    dont_know: "Vet ej",
    none_chosen: "Inget av dessa",
    skipped: "Du har inte svarat på de här frågorna. Du kan svara på dem och skicka igen:",
    send_answers: "Skicka svaren",
    change_answers: "Ändra svaren",
    answered: "Tack! Dina svar är med. Du kan ändra dem tills enkäten stängs.",
    poll_closed: "Enkäten är stängd.",
    results_heading: "Resultat",
    answers_word: "svar",
    mean_word: "medelvärde",
    wall_link: "Hela väggen",
    wall_heading: "Väggen",
    wall_closed: "Väggen är inte öppen just nu.",
    write_alone: "Skriv dina egna kort",
    anonymous_note: "Det du skriver är anonymt: ingen ser vem som skrev vad, och här ser bara du dina kort.",
    own_card_label: "Vad tänker du?",
    own_cards_heading: "Dina kort",
    everyone: "Alla",
    pick_priorities: "Markera gruppens viktigaste kort",
    mark_priority: "Prioritera",
    unmark_priority: "Ta bort prioriteringen",
    priority: "prioriterat",
    priorities_full: "Gruppen har redan markerat så många kort som övningen tillåter. Ta bort en markering först.",
    not_voting: "Just nu markerar vi inga prioriteringar.",
    dots_link: "Prioritera i hela rummet: ge dina prickar",
    dots_heading: "Rummets prioritering",
    dots_left: "Du har {left} av {total} prickar kvar. Ge en prick till de kort du tycker är viktigast, oavsett grupp.",
    give_dot: "● Ge en prick",
    take_dot: "Ta tillbaka pricken",
    dots_closed: "Just nu röstar vi inte med prickar.",
    dots_used: "Du har gett alla dina prickar. Ta tillbaka en först om du vill ge den till ett annat kort.",
};

const EN: RoomWords = RoomWords {
    lang: "en",
    page_title: "the room's page",
    join_heading: "Welcome",
    join_prompt: "Type the code shown on the screen.",
    code_label: "Code",
    join_button: "Join",
    wrong_code: "That is not the room's code. Look at the screen and try again.",
    too_many_attempts: "Too many wrong codes. Wait a minute and try again.",
    room_full: "The room is full. Ask the facilitator for help.",
    address_full: "As many phones as the room takes from this connection are already in. \
        Ask the facilitator for help.",
    pick_group: "Pick your group",
    pick_new_group: "New groups for this segment. Pick your group.",
    your_group: "Your group:",
    closed_heading: "The room is closed",
    closed_text: "The facilitator has closed the room. What you wrote is kept by the facilitator.",
    not_posting: "No cards are taken right now. The page updates when the next group exercise begins.",
    write_heading: "Write a card",
    card_label: "What did your group arrive at?",
    column_label: "Column",
    row_label: "Row",
    post_button: "Add the card",
    cards_heading: "Your group's cards",
    no_cards: "No cards yet.",
    yours: "Your card",
    edit: "Edit",
    delete: "Delete",
    remove_question: "Remove the card?",
    remove_note: "The card goes from the group's page. The facilitator can bring it back.",
    keep: "Keep the card",
    save: "Save",
    back: "Back",
    change_group: "Change group",
    minutes_left: "min left",
    minutes_over: "min over",
    not_started: "Waiting to start",
    paused: "Paused",
    refused_heading: "The card did not go through",
    text_kept: "Your text is kept here, so you can copy it:",
    empty_text: "The card is empty.",
    not_yours: "Only whoever wrote that card can change it.",
    in_use: "The facilitator is editing that card right now. Try again in a moment.",
    too_fast: "Many cards in a short time. Wait a moment and send again.",
    segment_over: "The exercise is over, so cards can no longer be added or changed.",
    not_saved_heading: "Not saved yet",
    not_saved: "The computer cannot save right now: its disk takes no more. \
        samla tries again every second and saves it as soon as it can. \
        If it does not show on the group's page in a while, send it again.",
    no_answer: "samla did not answer in time, so it is unclear whether it went through. \
        Look at the group's page before you send again.",
    stale: "Someone else changed the card while you were writing, so your change was not saved. \
        This is the card now:",
    too_long: "The text is too long: at most {max} characters. Shorten it and send again.",
    device_full: "This phone has sent {max} cards, as many as the room takes from one phone.",
    room_text_full: "The room has taken in as many cards and as much text as it holds \
        for the seminar (at most {max} cards). Tell the facilitator.",
    bad_form: "The form could not be read. Reload the page and try again.",
    not_found: "There is no such page.",
    other_address: "The room is reached only at the address on the screen.",
    questions: "Questions",
    poll_heading: "Survey",
    answer_link: "Answer the survey",
    sector_question: "Where do you work?",
    no_sector: "Prefer not to say",
    dont_know: "Don't know",
    none_chosen: "None of these",
    skipped: "You have not answered these questions. You can answer them and send again:",
    send_answers: "Send the answers",
    change_answers: "Change the answers",
    answered: "Thank you! Your answers are in. You can change them until the survey closes.",
    poll_closed: "The survey is closed.",
    results_heading: "Results",
    answers_word: "answers",
    mean_word: "mean",
    wall_link: "The whole wall",
    wall_heading: "The wall",
    wall_closed: "The wall is not open right now.",
    write_alone: "Write your own cards",
    anonymous_note: "What you write is anonymous: nobody sees who wrote what, and only you see your cards here.",
    own_card_label: "What do you think?",
    own_cards_heading: "Your cards",
    everyone: "Everyone",
    pick_priorities: "Mark your group's most important cards",
    mark_priority: "Prioritise",
    unmark_priority: "Remove the priority",
    priority: "priority",
    priorities_full: "The group has marked as many cards as the exercise allows. Remove a mark first.",
    not_voting: "Priorities are not being marked right now.",
    dots_link: "Prioritise across the room: give your dots",
    dots_heading: "The room's priorities",
    dots_left: "You have {left} of {total} dots left. Give a dot to the cards you find most important, from any group.",
    give_dot: "● Give a dot",
    take_dot: "Take the dot back",
    dots_closed: "We are not voting with dots right now.",
    dots_used: "You have given all your dots. Take one back first to give it to another card.",
};

/// The room's page's words in `language`.
pub fn room_words(language: Language) -> &'static RoomWords {
    super::pick(language, &SV, &EN)
}

/// The run screen's and the projector's words about the room's door.
#[derive(Debug)]
pub struct DoorWords {
    /// The join screen's title.
    pub title: &'static str,
    /// First step: the phone's camera or the address.
    pub scan: &'static str,
    /// Second step: the code.
    pub type_code: &'static str,
    /// Third step: the group.
    pub pick_group: &'static str,
    /// The join screen's footer: its keys.
    pub keys: &'static str,
    /// On the status line and the projector, before the address.
    pub room: &'static str,
    /// Before the code.
    pub code: &'static str,
    /// On the projector once the room has closed.
    pub closed: &'static str,
    /// On a card from the room taken down by the facilitator.
    pub hidden: &'static str,
    /// Answers given on the room's page.
    pub from_phones: &'static str,
    /// Answers typed from paper forms.
    pub on_paper: &'static str,
    /// A poll closed to the room's page.
    pub poll_closed: &'static str,
    /// A poll whose results the room sees.
    pub poll_revealed: &'static str,
}

const DOOR_SV: DoorWords = DoorWords {
    title: "Rummet är öppet",
    scan: "Skanna QR-koden med mobilen, eller gå till",
    type_code: "Skriv koden",
    pick_group: "Välj din grupp och skriv era kort",
    keys: "w stänger rummet · n ny kod · Esc tillbaka",
    room: "rummet",
    code: "kod",
    closed: "Rummet är stängt",
    hidden: "dold",
    from_phones: "från mobiler",
    on_paper: "på papper",
    poll_closed: "stängd för mobiler (c)",
    poll_revealed: "resultaten visas för rummet (o)",
};

const DOOR_EN: DoorWords = DoorWords {
    title: "The room is open",
    scan: "Scan the QR code with your phone, or go to",
    type_code: "Type the code",
    pick_group: "Pick your group and write your cards",
    keys: "w closes the room · n new code · Esc back",
    room: "room",
    code: "code",
    closed: "The room is closed",
    hidden: "hidden",
    from_phones: "from phones",
    on_paper: "on paper",
    poll_closed: "closed to phones (c)",
    poll_revealed: "results shown to the room (o)",
};

/// The door's words in `language`.
pub fn door_words(language: Language) -> &'static DoorWords {
    super::pick(language, &DOOR_SV, &DOOR_EN)
}
