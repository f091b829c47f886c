//! The messages of the one error type, in Swedish and English: what a
//! civil servant reads, never an internal cause.

use super::{AppError, FieldProblem};

/// An error's message: [Swedish, English].
pub(super) fn error(error: &AppError) -> [&'static str; 2] {
    match error {
        AppError::BadRequest => [
            "Förfrågan kunde inte läsas. Kontrollera uppgifterna och försök igen.",
            "The request could not be read. Check the details and try again.",
        ],
        AppError::Validation { .. } => [
            "Några uppgifter behöver rättas. Se markeringarna vid fälten.",
            "Some details need correcting. See the notes beside the fields.",
        ],
        AppError::Restored { .. } => [
            "Du hann bli utloggad innan formuläret skickades. Det du skrev finns kvar: kontrollera och skicka igen.",
            "You were signed out before the form was sent. What you wrote is still here: check it and send it again.",
        ],
        AppError::NotSignedIn => [
            "Du behöver logga in för att göra det här.",
            "You need to sign in to do this.",
        ],
        AppError::NotASupplier => [
            "Det här gör man för en leverantör. Registrera din leverantörsorganisation, eller välj den du företräder.",
            "This is done on behalf of a supplier. Register your supplier organisation, or choose the one you act for.",
        ],
        AppError::AnswersClosed => [
            "Svarstiden har gått ut. Inget är inlämnat eller ändrat.",
            "The time for answers has passed. Nothing was submitted or changed.",
        ],
        AppError::QuestionsClosed => [
            "Tiden för frågor har gått ut. Frågan är inte skickad.",
            "The time for questions has passed. The question was not sent.",
        ],
        AppError::NotHeld => [
            "Minnesanteckningar och sammanfattning skrivs när dialogen har hållits. Ingenting har sparats.",
            "Minutes and the summary are written once the dialogue has been held. Nothing was saved.",
        ],
        AppError::RegistrationClosed => [
            "Dialogen tar inte emot anmälningar nu. Ingenting har ändrats.",
            "The dialogue does not take registrations now. Nothing was changed.",
        ],
        AppError::InvalidCredentials { .. } => [
            "Fel e-postadress eller lösenord.",
            "Wrong email address or password.",
        ],
        AppError::AccountLocked => [
            "För många misslyckade inloggningar. Kontot är låst i 15 minuter. Vi har skickat ett meddelande till kontots e-postadress.",
            "Too many failed sign-ins. The account is locked for 15 minutes. We have sent a message to the account's email address.",
        ],
        AppError::NotVerified => [
            "Bekräfta din e-postadress först. Vi har skickat en länk till den.",
            "Verify your email address first. We have sent a link to it.",
        ],
        AppError::InvalidToken => [
            "Länken är ogiltig, redan använd eller för gammal. Begär en ny.",
            "The link is invalid, already used or too old. Ask for a new one.",
        ],
        AppError::Forbidden => [
            "Du har inte behörighet att göra det här.",
            "You are not allowed to do this.",
        ],
        AppError::NotFound => [
            "Det du söker finns inte, eller så har du inte tillgång till det.",
            "What you are looking for does not exist, or you do not have access to it.",
        ],
        AppError::Conflict => [
            "Uppgiften finns redan eller har ändrats av någon annan. Ladda om sidan och försök igen.",
            "This already exists or was changed by someone else. Reload the page and try again.",
        ],
        AppError::LastCoordinator => [
            "Ett nätverk måste alltid ha minst en samordnare. Utse en annan samordnare först.",
            "A network always keeps at least one coordinator. Appoint another coordinator first.",
        ],
        AppError::LastAdmin => [
            "En organisation måste alltid ha minst en administratör. Utse en annan administratör först.",
            "An organisation always keeps at least one admin. Appoint another admin first.",
        ],
        AppError::NetworkClosed => [
            "Nätverket är stängt. Allt går att läsa och exportera, men inget kan ändras eller läggas till.",
            "The network is closed. Everything can be read and exported, but nothing can be changed or added.",
        ],
        AppError::NetworkDormant => [
            "Nätverket är vilande. Inga nya behov eller dialoger startas förrän samordnarna återaktiverar det.",
            "The network is dormant. No new needs or dialogues start until the coordinators make it active again.",
        ],
        AppError::OrganisationNotVerified => [
            "Organisationen är inte verifierad än. Samråds administratörer kontrollerar nya organisationer; tills dess kan den inte vara med i nätverk.",
            "The organisation is not verified yet. Samråd's administrators check new organisations; until then it cannot take part in networks.",
        ],
        AppError::Full => [
            "Det finns inga platser kvar. Kontakta värdarna om ni ändå vill delta.",
            "No places are left. Contact the hosts if you still wish to take part.",
        ],
        AppError::SlotTaken => [
            "Tiden hann bokas av en annan leverantör. Välj en annan ledig tid; er bokning är oförändrad.",
            "Another supplier booked this time first. Choose another free time; your booking is unchanged.",
        ],
        AppError::SlotHeld => [
            "Leverantören har redan en bokad tid. Varje leverantör bokar en tid: flytta den bokade tiden hit eller avboka den först.",
            "The supplier has booked a time already. Each supplier books one time: move the booked time here or cancel it first.",
        ],
        AppError::BookingsClosed => [
            "Bokningar kan inte längre göras eller ändras: sista tiden för bokning har passerat, eller mötet har börjat. Kontakta värdarna.",
            "Bookings can no longer be made or changed: the last time for bookings has passed, or the meeting has begun. Contact the hosts.",
        ],
        AppError::Frozen => [
            "Texten är godkänd och kan inte ändras. Skriv en ny version som ersätter den.",
            "The text is approved and cannot change. Write a new version to replace it.",
        ],
        AppError::TooManyRequests => [
            "För många försök på kort tid. Vänta en stund och försök igen.",
            "Too many attempts in a short time. Wait a while and try again.",
        ],
        AppError::PayloadTooLarge => [
            "Det du skickade är för stort.",
            "What you sent is too large.",
        ],
        AppError::Unavailable => [
            "Tjänsten är tillfälligt otillgänglig. Försök igen om en liten stund.",
            "The service is temporarily unavailable. Try again in a moment.",
        ],
        AppError::Internal => [
            "Något gick fel hos oss. Felet är loggat; försök igen senare.",
            "Something went wrong on our side. It has been logged; try again later.",
        ],
    }
}

/// A field problem's message: [Swedish, English], where `{min}` and
/// `{max}` stand for the problem's numbers.
pub(super) fn field(problem: FieldProblem) -> [&'static str; 2] {
    match problem {
        FieldProblem::TooShort { .. } => ["Skriv minst {min} tecken.", "Use at least {min} characters."],
        FieldProblem::TooLong { .. } => ["Skriv högst {max} tecken.", "Use at most {max} characters."],
        FieldProblem::OutOfRange { .. } => ["Ange ett tal från {min} till {max}.", "Enter a number from {min} to {max}."],
        FieldProblem::Required => [
            "Fältet måste fyllas i.",
            "This field is required.",
        ],
        FieldProblem::NotAWholeNumber => [
            "Skriv ett heltal med siffror, till exempel 1200.",
            "Enter a whole number in digits, for example 1200.",
        ],
        FieldProblem::UnknownCpv => [
            "Minst en kod finns inte i CPV. Kontrollera siffrorna och kontrollsiffran efter bindestrecket.",
            "At least one code is not in CPV. Check the digits and the check digit after the hyphen.",
        ],
        FieldProblem::InThePast => [
            "Tiden har redan passerat. Välj en senare.",
            "That time has already passed. Choose a later one.",
        ],
        FieldProblem::CpvIncomplete => [
            "En CPV-kod har åtta siffror, till exempel 34144900-7. Skriv alla åtta eller välj ett område i listan.",
            "A CPV code has eight digits, for example 34144900-7. Write all eight or choose an area from the list.",
        ],
        FieldProblem::CpvCheckDigit => [
            "Siffran efter bindestrecket stämmer inte med koden. Skriv bara de åtta siffrorna, så fyller Samråd i resten.",
            "The digit after the hyphen does not match the code. Write just the eight digits and Samråd fills in the rest.",
        ],
        FieldProblem::DateFormat => [
            "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-03-15.",
            "Write the date as YYYY-MM-DD, for example 2027-03-15.",
        ],
        FieldProblem::TimeFormat => [
            "Skriv klockslaget som 14.30 eller 9.",
            "Write the time as 14.30 or 9.",
        ],
        FieldProblem::NoSuchDate => [
            "Datumet finns inte i kalendern. Kontrollera dag och månad.",
            "That date is not in the calendar. Check the day and month.",
        ],
        FieldProblem::NoSuchTime => [
            "Klockslaget finns inte den dagen: klockan ställs fram från 02.00 till 03.00.",
            "That time does not exist that day: the clocks go forward from 02:00 to 03:00.",
        ],
        FieldProblem::NotConfirmed => [
            "Det här går inte att ångra. Bekräfta med knappen som börjar med ”Ja”.",
            "This cannot be undone. Confirm with the button that starts with “Yes”.",
        ],
        FieldProblem::EndsBeforeStart => [
            "Sluttiden måste vara efter starttiden.",
            "The end must be after the start.",
        ],
        FieldProblem::InvalidEmail => [
            "Ange en e-postadress i formen namn@exempel.se.",
            "Enter an email address like name@example.com.",
        ],
        FieldProblem::InvalidChoice => [
            "Välj ett av alternativen.",
            "Choose one of the options.",
        ],
        FieldProblem::CommonPassword => [
            "Lösenordet är för vanligt och lätt att gissa. Välj ett annat, gärna en mening.",
            "This password is too common and easy to guess. Choose another, a sentence perhaps.",
        ],
        FieldProblem::PasswordContainsEmail => [
            "Lösenordet får inte innehålla din e-postadress.",
            "The password must not contain your email address.",
        ],
        FieldProblem::WrongPassword => [
            "Lösenordet stämmer inte.",
            "The password is not correct.",
        ],
        FieldProblem::WrongCode => [
            "Koden stämmer inte. Vänta på nästa kod i appen och försök igen.",
            "The code is not right. Wait for the next code in the app and try again.",
        ],
        FieldProblem::OrgNumberNotDigits => [
            "Organisationsnumret får bara innehålla siffror och ett bindestreck, som 212000-0142.",
            "An organisation number has only digits and one dash, like 212000-0142.",
        ],
        FieldProblem::OrgNumberLength => [
            "Ett organisationsnummer har tio siffror, skrivna NNNNNN-NNNN.",
            "An organisation number has ten digits, written NNNNNN-NNNN.",
        ],
        FieldProblem::OrgNumberNotOrganisation => [
            "Siffra tre och fyra i ett organisationsnummer är minst 20; det här liknar ett personnummer.",
            "Digits three and four of an organisation number are at least 20; this looks like a personal identity number.",
        ],
        FieldProblem::OrgNumberCheckDigit => [
            "Kontrollsiffran (den sista siffran) stämmer inte. Kontrollera numret.",
            "The check digit (the last digit) does not match. Check the number.",
        ],
        FieldProblem::VatCountry => [
            "Momsregistreringsnumret börjar inte med det valda landets kod (till exempel DE för Tyskland, EL för Grekland).",
            "The VAT number does not start with the chosen country's code (for example DE for Germany, EL for Greece).",
        ],
        FieldProblem::VatFormat => [
            "Numret är inte skrivet som ett momsregistreringsnummer i det valda landet. Kontrollera antalet siffror och bokstäver.",
            "The number is not written as a VAT number of the chosen country. Check the number of digits and letters.",
        ],
        FieldProblem::VatCheckDigit => [
            "Momsregistreringsnumrets kontrollsiffror stämmer inte. Kontrollera numret.",
            "The VAT number's check digits do not match. Check the number.",
        ],
        FieldProblem::EmptyAnswer => [
            "Svara på minst en av frågorna innan du lämnar in.",
            "Answer at least one of the questions before you submit.",
        ],
        FieldProblem::QuestionsChanged => [
            "Värdarna har ändrat frågorna sedan du öppnade sidan. Läs frågorna igen och kontrollera att varje svar står vid rätt fråga; det du skrev finns kvar.",
            "The hosts changed the questions after you opened the page. Read them again and check that each answer is by the right question; what you wrote is still here.",
        ],
        FieldProblem::FileEmpty => [
            "En av filerna är tom eller saknar namn. Välj filen igen.",
            "One of the files is empty or has no name. Choose the file again.",
        ],
        FieldProblem::FileTooLarge => [
            "En fil är större än 10 MB. Dela upp den eller gör den mindre och bifoga den igen.",
            "A file is larger than 10 MB. Split it or make it smaller and attach it again.",
        ],
        FieldProblem::FileKind => [
            "En fil är inte av en typ som tas emot. Bifoga PDF, DOCX, XLSX, ODT, ODS, PNG eller JPEG.",
            "A file is not of a type that is accepted. Attach PDF, DOCX, XLSX, ODT, ODS, PNG or JPEG.",
        ],
        FieldProblem::FileDisguised => [
            "En fils innehåll stämmer inte med filnamnets ändelse (till exempel en fil som heter .pdf men inte är en PDF). Spara filen i rätt format och bifoga den igen.",
            "A file's content does not match the ending of its name (for example a file called .pdf that is not a PDF). Save the file in the right format and attach it again.",
        ],
        FieldProblem::FilesTooLarge => [
            "Svarets filer blir tillsammans större än 25 MB. Ta bort en fil eller gör filerna mindre.",
            "The answer's files would together be larger than 25 MB. Remove a file or make the files smaller.",
        ],
        FieldProblem::TooManyFiles => [
            "Ett svar kan ha högst 20 filer. Ta bort en fil innan du bifogar fler.",
            "An answer can have at most 20 files. Remove a file before you attach more.",
        ],
        FieldProblem::SlotLengthFixed => [
            "Alla tider i en dialog är lika långa, så att varje leverantör får lika mycket tid. Ange samma längd som för tiderna som redan erbjuds.",
            "Every time in a dialogue is equally long, so that each supplier gets as much time. Enter the length of the times already offered.",
        ],
        FieldProblem::CutoffAfterSlots => [
            "Sista tid för bokning måste ligga före den första tiden som erbjuds.",
            "The last time for bookings must come before the first time offered.",
        ],
        FieldProblem::PlaceOrLink => [
            "Ange var mötena hålls: en plats, en länk till ett digitalt möte, eller båda.",
            "Say where the meetings are held: a place, a link to an online meeting, or both.",
        ],
        FieldProblem::SlotsFull => [
            "Dialogen erbjuder redan så många tider som går (200).",
            "The dialogue already offers as many times as it can (200).",
        ],
        FieldProblem::TooMany { .. } => [
            "Det går att ange högst {max}. Ta bort några och försök igen.",
            "At most {max} can be given. Remove some and try again.",
        ],
        FieldProblem::DocumentsFull => [
            "Dialogen har redan så många dokument (50), eller dokumentet så många versioner (20), som går att publicera.",
            "The dialogue already has as many documents (50), or the document as many versions (20), as can be published.",
        ],
        FieldProblem::OneFile => [
            "Ett dokument är en fil. Bifoga en fil i taget; varje fil blir ett eget dokument.",
            "A document is one file. Attach one file at a time; each file becomes a document of its own.",
        ],
        FieldProblem::SecretWithoutAnswer => [
            "Den här delen har inget svar att hålla hemligt. Skriv svaret, eller töm sekretessbegäran.",
            "This part has no answer to keep confidential. Write the answer, or clear the request.",
        ],
        FieldProblem::PersonnummerInvalid => [
            "Numret liknar en enskild firmas personnummer, men datumet eller kontrollsiffran stämmer inte.",
            "The number looks like a sole trader's personal identity number, but its date or check digit is wrong.",
        ],
        FieldProblem::NationalIdFormat => [
            "Skriv identifieraren med bokstäver, siffror, mellanslag, punkt, snedstreck eller bindestreck.",
            "Write the identifier with letters, digits, spaces, dots, slashes or dashes.",
        ],
        FieldProblem::BuyerNumber => [
            "Numret tillhör en offentlig organisation i Samråd. En beställare kan inte samtidigt vara leverantör.",
            "The number belongs to a public organisation in Samråd. A buyer cannot also act as a supplier.",
        ],
        FieldProblem::AfterAnswerDeadline => [
            "Sista dag för frågor kan inte vara efter sista dag för svar.",
            "The last day for questions cannot be after the last day for answers.",
        ],
        FieldProblem::DeadlinePassed => [
            "Sista dag för svar har redan passerat. Ändra planen med ett nytt datum innan dialogen annonseras.",
            "The answer deadline has already passed. Correct the plan with a new date before announcing the dialogue.",
        ],
        FieldProblem::AudienceFixed => [
            "Vilka leverantörer dialogen riktar sig till kan inte ändras efter att den har annonserats.",
            "Which suppliers the dialogue is for cannot change once it is announced.",
        ],
        FieldProblem::PublicPartFixed => [
            "Om sidan visar behoven och efterfrågan väljs före annonseringen och kan inte ändras efter den.",
            "Whether the page shows the needs and the demand is chosen before the announcement and cannot change after it.",
        ],
        FieldProblem::UnknownSupplier => [
            "Ingen leverantör med det numret finns i Samråd. Be företaget registrera sig först; sedan kan ni bjuda in det.",
            "No supplier with this number is in Samråd. Ask the company to register first; then you can invite it.",
        ],
        FieldProblem::KommunOutsideLan => [
            "Kommunen ligger inte i det valda länet.",
            "The municipality is not in the chosen county.",
        ],
        FieldProblem::UnknownOrganisation => [
            "Ingen organisation med det numret är registrerad i Samråd. Be den registrera sig först.",
            "No organisation with this number is registered in Samråd. Ask it to register first.",
        ],
        FieldProblem::OrganisationNotVerified => [
            "Organisationen finns i Samråd men är inte verifierad än, så den kan inte bjudas in. Försök igen när en administratör har verifierat den.",
            "The organisation is in Samråd but not verified yet, so it cannot be invited. Try again once an administrator has verified it.",
        ],
        FieldProblem::InvalidUrl => [
            "Ange en webbadress, till exempel www.kommun.se eller https://www.kommun.se.",
            "Enter a web address, for example www.kommun.se or https://www.kommun.se.",
        ],
    }
}
