# Texts of the forms in dialogs/*.toml. Ids follow the dialog and step ids:
# <dialog>-<step> is the question, <dialog>-<step>-label its name in the
# summary, <dialog>-<step>-opt-<value> an option.

## Pesantren registration (dialogs/register.toml)

register-title = Pesantren registration
register-intro = <b>Pesantren profile registration</b> 📝
    There are 7 short questions. You can use /back or /cancel at any time.
register-done = ✅ Your pesantren profile has been saved. You can now submit products or request mentoring through the menu.
register-consent =
    <b>Consent to the use of your data</b>
    In line with Law No. 27 of 2022 on Personal Data Protection (UU PDP), please read this before registering:
    • <b>Data we store:</b> the pesantren's name, regency/city, pillar, the contact person's name and phone number, the NSPP (if given), and your product and mentoring submissions.
    • <b>Purpose:</b> running the OPOP East Java program: product curation, mentoring, and contacting your pesantren.
    • <b>Who sees it:</b> OPOP secretariat staff who handle the submissions.
    • <b>Your rights:</b> at any time, see all your data with /privacy, correct it with /register, and erase it (which also withdraws your consent) with /deletedata.
    This form is for pesantren managers aged 18 or over.

    Do you agree to this data being stored for the purposes above?
register-consent-label = Data consent
register-name = What is the <b>name of your pondok pesantren</b>?
register-name-label = Pesantren name
register-region = In which <b>regency/city</b> is your pesantren located?
register-region-label = Regency/city
register-pillar = Through which <b>pillar</b> does your pesantren take part in OPOP?
    • <b>Santripreneur</b>: businesses run by santri (students)
    • <b>Pesantrenpreneur</b>: the pesantren's business through its pesantren cooperative (kopontren)
    • <b>Sociopreneur</b>: businesses run by alumni together with the local community
register-pillar-label = Pillar
register-pillar-opt-santripreneur = Santripreneur
register-pillar-opt-pesantrenpreneur = Pesantrenpreneur
register-pillar-opt-sociopreneur = Sociopreneur
register-contact_person = What is the <b>contact person's name</b> (a manager we can contact)?
register-contact_person-label = Contact person
register-contact_person-invalid = The name may only contain letters, spaces, full stops, commas, apostrophes and hyphens.
register-phone = What is the contact person's <b>mobile/WhatsApp number</b>?
register-phone-label = Mobile number
register-nspp = If you have one, write the <b>NSPP</b> (Pondok Pesantren Statistical Number). If you don't have one yet, press <b>Skip</b>.
register-nspp-label = NSPP
register-nspp-invalid = The NSPP is digits only (8–20 digits). Press <b>Skip</b> if you don't have one yet.

## Product submission (dialogs/product.toml)

product-title = Product submission
product-intro = <b>Product submission for curation</b> 📦
    Have 1–5 product photos ready. You can use /back or /cancel at any time.
product-done =
    ✅ Thank you! We have received your product for curation.
    Ticket number: <code>{ $ticket }</code>
    You will get a message when its status changes; check it at any time with /status.
product-name = What is the <b>name of your product</b>?
product-name-label = Product name
product-category = Which <b>category</b> does this product belong to?
product-category-label = Category
product-category-opt-food = Food &amp; drinks
product-category-opt-coffee = Coffee
product-category-opt-coconut = Coconut products
product-category-opt-fashion = Muslim fashion
product-category-opt-crafts = Handicrafts
product-category-opt-herbal = Herbal &amp; cosmetics
product-category-opt-agri = Farming &amp; livestock
product-category-opt-services = Services
product-category-opt-other = Other
product-description = Describe this <b>product</b> briefly: ingredients, strengths, packaging.
product-description-label = Description
product-photos = Send clear <b>photos of the product</b>.
product-photos-label = Photos
product-price = What is the <b>selling price</b> per package (in rupiah)?
product-price-label = Price
product-capacity = What is the <b>production capacity per month</b> (number of packages/units)?
product-capacity-label = Capacity per month
product-certifications = Which <b>certificates/permits</b> do you already have?
product-certifications-label = Certificates
product-certifications-opt-halal = Halal
product-certifications-opt-pirt = PIRT
product-certifications-opt-bpom = BPOM
product-certifications-opt-sni = SNI
product-certifications-opt-none = None yet
product-export = Is your pesantren <b>interested in exporting</b> this product?
product-export-label = Export interest
product-markets = Which export <b>markets</b> are you interested in?
product-markets-label = Target markets
product-markets-opt-asean = ASEAN (e.g. Malaysia)
product-markets-opt-china = China / Hong Kong
product-markets-opt-middle_east = Middle East
product-markets-opt-east_asia = Japan / Korea
product-markets-opt-europe = Europe
product-markets-opt-america = Americas
product-markets-opt-other = Other

## Mentoring request (dialogs/mentoring.toml)

mentoring-title = Mentoring request
mentoring-intro = <b>Mentoring request</b> 🤝
    There are 4 short questions. You can use /back or /cancel at any time.
mentoring-done =
    ✅ Your mentoring request has been received.
    Ticket number: <code>{ $ticket }</code>
    Our staff will contact you; check its status with /status.
mentoring-topics = In which <b>areas</b> do you need mentoring?
mentoring-topics-label = Topics
mentoring-topics-opt-hr = Human resources
mentoring-topics-opt-quality = Product quality
mentoring-topics-opt-packaging = Packaging
mentoring-topics-opt-halal = Halal certification
mentoring-topics-opt-marketing = Digital marketing
mentoring-topics-opt-export = Export
mentoring-topics-opt-finance = Finance
mentoring-topics-opt-other = Other
mentoring-description = Briefly describe what your pesantren <b>needs</b>.
mentoring-description-label = Needs
mentoring-mode = <b>How</b> would you prefer the mentoring to take place?
mentoring-mode-label = Format
mentoring-mode-opt-online = Online
mentoring-mode-opt-offline = In person (face to face)
mentoring-mode-opt-either = Either is fine
mentoring-schedule = Which <b>days and times</b> suit you best? For example: "Tuesday or Thursday, after Asr prayer".
mentoring-schedule-label = Preferred time

## Question for the staff (dialogs/question.toml)

question-title = Question for the staff
question-intro = <b>A question for the OPOP staff</b> 🙋
question-done =
    ✅ Your question has been passed on to the OPOP staff.
    Ticket number: <code>{ $ticket }</code>
    The answer will come in this chat; check its status with /status.
question-question = Write your <b>question</b> for the OPOP staff.
question-question-label = Question
