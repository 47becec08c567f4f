### OPOP East Java FAQ — English.
### Each entry X in dialogs/faq.toml has faq-X-q (title/button, max 45 characters,
### no HTML) and faq-X-a (answer, Telegram HTML: only <b>, <i>, <u>, <a href>;
### write & as &amp;). Answers: max 900 characters once rendered.
### Variables from the operator's config: $website, $phone, $email, $address, $intake.
### Anything unconfirmed must keep saying it is not yet confirmed.

## Categories

faq-cat-program = 📘 About OPOP
faq-cat-join = 📝 Joining OPOP
faq-cat-products = 📦 Products and Permits
faq-cat-support = 🎓 Training and Funding
faq-cat-market = 🛒 Marketing and Export
faq-cat-bot = 🤖 Contact and Bot

## About OPOP

faq-what-is-opop-q = What is OPOP East Java?
faq-what-is-opop-a =
    <b>What is OPOP East Java?</b>
    One Pesantren One Product (OPOP) is an East Java provincial government program that makes pesantren hubs of economic empowerment, so that they become self-reliant and their neighbours prosper too.

    It was initiated by Governor Khofifah Indar Parawansa and Vice-Governor Emil Dardak and officially launched in August 2019. Since 2025 it is also called <i>Eko-Tren OPOP</i> (pesantren-based economy).

    The aim: every pesantren runs a business with a flagship product, involving santri, the pesantren itself (through its cooperative), and alumni with the local community.

    As of December 2025, about 1,410 pesantren had active business units; a January 2026 report mentioned about 1,600. These are estimates and change every year.

faq-pillars-q = What are the three OPOP pillars?
faq-pillars-a =
    <b>The three OPOP pillars</b>
    • <b>Santripreneur</b>: santri learn entrepreneurship while still studying, so they can stand on their own after they leave. A business started by santri can later be continued by the pesantren cooperative or by alumni.

    • <b>Pesantrenpreneur</b>: the pesantren as an institution develops its flagship product through its cooperative (Kopontren). Support covers the cooperative itself, people, production, marketing and access to finance. The goal is at least one Kopontren with one flagship product in every pesantren.

    • <b>Sociopreneur</b>: alumni and the local community build businesses that benefit their surroundings, not just profit, and support their alma mater's products.

    The pesantren profile you register in this bot (/daftar) also records your chosen pillar.

faq-organizer-q = Who runs OPOP?
faq-organizer-a =
    <b>Who runs OPOP</b>
    The program is carried out by the East Java Cooperatives and SMEs Office (Dinas Koperasi dan UKM Jatim). The Eko-Tren OPOP team for 2025–2030 (governor's decree, April 2025):
    • Patrons: the Governor and Vice-Governor
    • Advisers: heads of Bank Indonesia East Java and OJK East Java
    • General chair: the Provincial Secretary
    • Daily chair: head of the Cooperatives and SMEs Office

    The OPOP secretary (as of January 2026) is Mohammad Ghofirin (Gus Ghofirin), a lecturer at Unusa who also heads the OPOP Training Center.

    Locally, the regency/city cooperative offices and Kemenag's pesantren sections (PD Pontren) help.

faq-legal-basis-q = What is the legal basis of OPOP?
faq-legal-basis-a =
    <b>Legal basis</b>
    • OPOP East Java is governed by a 2020 Governor Regulation (Pergub), but its number is <b>not yet confirmed</b>: most sources say No. 62 of 2020, some say No. 22. Please check the provincial legal database (JDIH Biro Hukum) or ask the secretariat.
    • The 2025–2030 Eko-Tren OPOP team was set up by Governor's Decree No. 100.3.3.1/250/013/2025 (16 April 2025).
    • Provincial Regulation (Perda) No. 3 of 2022 on supporting pesantren development is general, not OPOP-specific, and includes the economy.
    • Law No. 18 of 2019 on Pesantren gives pesantren a community-empowerment role.

    Some regencies have their own rules, e.g. Perbup Blitar No. 72 of 2021.

faq-benefits-q = What are the benefits of joining?
faq-benefits-a =
    <b>Benefits for participants</b>
    According to the East Java Cooperatives and SMEs Office (2025), OPOP support covers:
    1. Strengthening the Kopontren as an institution, e.g. deeds of establishment and guidance (687 Kopontren helped, 2025 figure).
    2. Training for business managers (about 2,000 people over five years).
    3. Help with product certification, trademarks and packaging design.
    4. Access to finance, including grants to Kopontren.
    5. Market access: the yearly OPOP Expo, trade missions and fairs.

    In 2022 the Governor also urged local governments to buy OPOP products through public procurement.

    The type and size of support can differ each year, so please check with the secretariat.

## Joining

faq-who-can-join-q = Who can join OPOP?
faq-who-can-join-a =
    <b>Who can join?</b>
    OPOP is meant for pesantren in East Java, together with their santri and alumni. Participants so far fall under the three pillars:
    • santri (santripreneur)
    • the pesantren through its cooperative, the Kopontren (pesantrenpreneur)
    • alumni with the local community (sociopreneur)

    Official eligibility criteria are <b>not yet confirmed</b>. What is known: intake happens in yearly cohorts with quotas per regency/city, and in a 2021 selection in one regency, pesantren without a ready flagship product were not chosen. To receive grants, a pesantren needs an NSPP and a Kopontren.

    Type /daftar to record your pesantren profile, then check with the OPOP secretariat or your local cooperative office.

faq-how-to-join-q = How do I register for OPOP?
faq-how-to-join-a =
    <b>How to register</b>
    The official step-by-step procedure for OPOP East Java, including whether there is an online form and its timeline, is <b>not yet confirmed</b>. What is known: new participants are accepted in yearly cohorts with quotas per regency/city, followed by an orientation session.

    Suggested steps:
    1. Register your pesantren profile in this bot with /daftar so the secretariat can follow up.
    2. Contact the OPOP secretariat or your regency/city cooperative office (Dinas Koperasi).
    3. Prepare your operating permit/NSPP and a Kopontren; both are needed to receive grants.

    Intake: { $intake }
    Secretariat: { $phone }, { $website }

    Note: the online OPOP registration for West Java is a different program, not OPOP East Java.

faq-requirements-q = What are the requirements and documents?
faq-requirements-a =
    <b>Requirements and documents</b>
    An official list of requirements to join OPOP East Java is <b>not yet confirmed</b>. Past rounds show these matter:
    • <b>An operating permit from Kemenag</b>, which also gives the pesantren its NSPP (pesantren statistical number). It is needed to receive government support such as OPOP grants. You apply online; Kemenag at regency/city and then provincial level validates it. A 2024 report said it takes about a month.
    • <b>A licensed Kopontren</b>, since grants go through the cooperative. A Kopontren can only be registered once the pesantren has an NSPP.
    • A flagship product that is ready.

    In 2020 many grant slots went unused because pesantren lacked an NSPP or other papers. Check the latest requirements with the secretariat or your local cooperative office.

faq-cost-q = How much does it cost to join?
faq-cost-a =
    <b>Cost of taking part</b>
    We have <b>not found official information</b> on a fee for joining OPOP. No source mentions one, but there is also no official statement that the program is free.

    What is known: OPOP activities such as grants and training are paid from the provincial budget, and in 2020 OPOP's help with trademark registration was free of charge.

    If anyone asks you to pay in OPOP's name, check with the secretariat first: { $phone } or { $email }.

    Note: product permits and certificates (for example regular-route halal certification) may have their own costs.

## Products and permits

faq-product-types-q = What kinds of products are in OPOP?
faq-product-types-a =
    <b>Types of pesantren products</b>
    An official OPOP product category list is <b>not yet confirmed</b>. Products often seen at OPOP fairs and catalogues include:
    • food and snacks (tempe chips, cakes, mushroom products, dried anchovies)
    • drinks: bottled water, coffee, soy milk, herbal drinks
    • dairy, e.g. mozzarella cheese
    • farming, livestock and fishery produce (organic rice, catfish, moringa, manure fertiliser)
    • coconut products and coconut-shell crafts
    • Muslim fashion, tailoring and handicrafts
    • soap and personal care
    • digital products made by santri
    • services, such as vehicle-tax (Samsat) counters, post agencies and pesantren shops

faq-curation-q = How are products curated?
faq-curation-a =
    <b>Product curation</b>
    Pesantren products are assessed (curated) before they enter the OPOP catalogue or export channels. For scale: in November 2021 there were about 450 products, 150 curated and listed in the catalogue, 300 still waiting.

    Official curation criteria are <b>not yet confirmed</b>. What OPOP actively encourages: a distribution permit (PIRT/BPOM), halal certification, a trademark and good packaging. For foreign markets, a tidy product catalogue is also expected.

    A product you submit through this bot gets a ticket number (example: PRD-2026-00001) and is reviewed by staff. Follow its progress with /status.

faq-halal-certification-q = How do I get halal certification?
faq-halal-certification-a =
    <b>Halal certificate</b>
    Issued by BPJPH (Ministry of Religious Affairs) through the SIHALAL system. There are two routes:
    • <b>Regular</b>: inspection by a halal inspection body, a fatwa decision, then BPJPH issues it. Fee for micro/small businesses: Rp300,000 per application (2021 rule), plus the inspection cost.
    • <b>Self-declare</b> for micro/small businesses: the producer's own statement, checked by a halal facilitator. A free yearly quota exists (SEHATI), e.g. 1 million in 2025. Usually you need an NIB, a low-risk product, halal ingredients and a simple process. PIRT is not required.

    A certificate stays valid as long as ingredients and process do not change. Food and drinks of micro and small businesses must be halal-certified from 17 October 2026.

    OPOP also guides pesantren towards halal certification.

faq-pirt-bpom-q = Do I need a PIRT or BPOM permit?
faq-pirt-bpom-a =
    <b>PIRT or BPOM?</b>
    • <b>PIRT (SPP-IRT)</b>: for home-scale processed food made with manual or semi-automatic tools that keeps more than 7 days. Apply through OSS; the local government (health office/DPMPTSP) issues it. You need an NIB, a label design and a food-safety course; the site may be inspected.
    • <b>BPOM (MD number)</b>: for products that cannot use PIRT, e.g. bottled drinking water, milk and dairy, meat or fish needing cold or frozen storage, canned or pasteurised food, and baby food. Herbal products with health claims also go through BPOM.

    The SNI national standard is generally voluntary, unless it is made mandatory for a specific product.

    How long permits stay valid under current rules is <b>not yet confirmed</b>; ask the health office or BPOM. OPOP held a coaching clinic on distribution permits in September 2025.

faq-nib-q = What is an NIB and how do I get one?
faq-nib-a =
    <b>NIB (business identification number)</b>
    The NIB is a business's identity number, issued through the OSS system. One business needs only one NIB, and it is free.
    • Low-risk businesses: the NIB itself serves as the business licence.
    • Higher risk: a Standard Certificate or an extra permit is needed.

    Individuals can register in the OSS app with their KTP (ID card) and a phone number linked to WhatsApp. Cooperatives, including a Kopontren, need their legal deed/decree from AHU.

    You need an NIB for, among others, PIRT, self-declared halal certification and certificates of origin for export.

faq-trademark-q = Does OPOP help register a trademark?
faq-trademark-a =
    <b>Trademarks</b>
    Yes, trademarks are one of the areas OPOP helps with. In 2020 OPOP helped pesantren file trademarks online free of charge, and in 2025 the Cooperatives and SMEs Office listed help with certification, trademarks and packaging design as one of its main forms of support.

    A registered trademark protects your product and makes it easier to recognise, especially when you sell widely or export.

    The current procedure and cost of trademark registration are <b>not yet confirmed</b>. Please ask the secretariat: { $phone }.

## Training and funding

faq-training-mentoring-q = Is there training and mentoring?
faq-training-mentoring-a =
    <b>Training and mentoring</b>
    Yes. Since 2019 OPOP has had a Training Center at Universitas Nahdlatul Ulama Surabaya (Unusa) that mentors pesantren on organisation, production, marketing, human resources and finance. The province's cooperative training unit (UPT Pelatihan KUKM) also runs courses.

    Examples from 2025: a management workshop (May) and a coaching clinic on distribution permits (September) covering good production practice, HACCP, halal and BPOM permits. There are also sessions on preparing grant proposals.

    This year's schedule may differ; ask the secretariat or see { $website }.

    A mentoring request made in this bot gets a ticket number (example: MNT-2026-00001) that you can check with /status.

faq-funding-q = Is there capital or grant support?
faq-funding-a =
    <b>Capital and grants</b>
    OPOP channels grants to Kopontren that hold a cooperative licence. Proposals go through the provincial SIPD system, and OPOP and the cooperative office run training on preparing them.

    Examples (amounts change each year): Rp2.55 billion for 51 Kopontren (announced December 2020) and about Rp3 billion for 150 pesantren (2022).

    Key conditions: an NSPP and a licensed Kopontren. In 2020 many grant slots went unused because papers were incomplete.

    Other options: Bank Jatim offered financing at OPOP Expo 2025, and there is an OPOP Jatim Berdaya card with Bank Jatim Syariah.

    This year's amounts, conditions and timeline are <b>not yet confirmed</b>; ask the secretariat or the cooperative office.

## Marketing and export

faq-marketing-q = Where can we market our products?
faq-marketing-a =
    <b>Marketing your products</b>
    • <b>OPOP Expo</b> has been held every year since 2019. The 2025 edition opened on 13 November in Surabaya with about 40 pesantren; Expo 2021 recorded about Rp1.95 billion in sales.
    • Trade missions and fairs, including abroad.
    • Government buying: in 2020 provincial offices were told to use OPOP bottled water, and in 2022 the Governor urged OPOP products into local government procurement.
    • Online sales: an OPOP Mart showroom and apps were launched in 2020–2022, but whether the apps still run is <b>not yet confirmed</b>.

    For upcoming fairs, ask the secretariat or see { $website }.

faq-export-q = Can pesantren products be exported?
faq-export-a =
    <b>Export</b>
    Yes. Examples: canned coffee from a Malang pesantren cooperative to Malaysia, corn-cob products to Japan, and moringa from Sumenep to Germany. In January 2026 a delegation of 40 OPOP pesantren explored Hong Kong and Guangzhou; coffee and coconut were named as promising.

    For China:
    • Food makers must be registered with China's customs (GACC). New rules apply from 1 June 2026; some products need a recommendation from an Indonesian authority (BPOM helps).
    • Preferential tariffs use a Form E certificate of origin from the Trade Ministry (needs NIB and NPWP).
    • Prepare a good product catalogue.

    The GACC category for coconut and coffee products is <b>not yet confirmed</b>; ask BPOM or Barantin, and ask the OPOP secretariat for guidance.

## Contact and bot

faq-contact-q = How do I contact the secretariat?
faq-contact-a =
    <b>OPOP East Java secretariat</b>
    📞 { $phone }
    ✉️ { $email }
    📍 { $address }
    🌐 { $website }

    You can also ask your regency/city cooperative office (Dinas Koperasi) or the pesantren section (PD Pontren) of your local Kemenag office.

    A question you send through this bot gets a ticket number (example: QST-2026-00001); check for the answer with /status.

faq-submission-status-q = How do I check my submission status?
faq-submission-status-a =
    <b>Checking your submission</b>
    Type /status to see your submissions in this bot. Each one has a ticket number in this format:
    • PRD-2026-00001: product
    • MNT-2026-00001: mentoring
    • QST-2026-00001: question

    Staff review every submission. When its status changes, you automatically get a message here.

    Keep your ticket number and mention it when you contact the secretariat.

faq-privacy-q = What data does this bot store?
faq-privacy-a =
    <b>Privacy and your data</b>
    What we store: your pesantren profile (name, regency/city, pillar, contact person, phone number, NSPP if given) and your submission tickets.

    Why: program administration, product curation and mentoring. We ask for your consent when you register (/register).

    Under Indonesia's Personal Data Protection Law (UU PDP, No. 27 of 2022) you have the right to access, correct and delete your data, and to withdraw consent.
    See all your data with /privacy, update your profile with /register, and erase your data with /deletedata. Other questions: the secretariat, { $email }
