<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy_GB" sourcelanguage="en_GB">
<context>
    <name>Accessible</name>
    <message>
        <source>Invalid entry: {problem}</source>
        <translation>Cofnod annilys: {problem}</translation>
    </message>
    <message>
        <source>on</source>
        <translation>ymlaen</translation>
    </message>
    <message>
        <source>off</source>
        <translation>i ffwrdd</translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <source>Amend this assessment</source>
        <translation>Diwygio&apos;r asesiad hwn</translation>
    </message>
    <message>
        <source>Version {version} stays as it was finalised. The amendment is a new version that starts from its answers; change them, then finalise it again. The reason is kept with the case and sent to the council.</source>
        <translation>Bydd fersiwn {version} yn aros fel yr oedd pan gafodd ei gwblhau. Mae&apos;r diwygiad yn fersiwn newydd sy&apos;n dechrau gyda&apos;i atebion; newidiwch nhw, yna cwblhewch yr asesiad eto. Caiff y rheswm ei gadw gyda&apos;r achos a&apos;i anfon at y cyngor.</translation>
    </message>
    <message>
        <source>Why does it need correcting?</source>
        <translation>Pam mae angen ei gywiro?</translation>
    </message>
    <message>
        <source>Amend</source>
        <translation>Diwygio</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Give the reason for the amendment.</source>
        <translation>Rhowch y rheswm dros y diwygiad.</translation>
    </message>
    <message>
        <source>Keep the reason under {limit} characters.</source>
        <translation>Cadwch y rheswm o dan {limit} nod.</translation>
    </message>
</context>
<context>
    <name>AmountWords</name>
    <message>
        <source>£{amount} a week</source>
        <translation>£{amount} yr wythnos</translation>
    </message>
    <message>
        <source>£{amount} a month</source>
        <translation>£{amount} y mis</translation>
    </message>
    <message>
        <source>£{amount} a year</source>
        <translation>£{amount} y flwyddyn</translation>
    </message>
    <message>
        <source>£{amount} one-off</source>
        <translation>£{amount} untro</translation>
    </message>
    <message>
        <source>from the NHS</source>
        <translation>gan y GIG</translation>
    </message>
    <message>
        <source>from the Independent Living Fund</source>
        <translation>gan y Gronfa Byw&apos;n Annibynnol</translation>
    </message>
    <message>
        <source>from another funder</source>
        <translation>gan gyllidwr arall</translation>
    </message>
    <message>
        <source>{figure} from the council</source>
        <translation>{figure} gan y cyngor</translation>
    </message>
    <message>
        <source>{figure} {funder}</source>
        <translation>{figure} {funder}</translation>
    </message>
    <message>
        <source>{label}: {figures}</source>
        <translation>{label}: {figures}</translation>
    </message>
</context>
<context>
    <name>Answers</name>
    <message>
        <source>Not answered</source>
        <translation>Dim ateb</translation>
    </message>
    <message>
        <source>None of these</source>
        <translation>Dim un o&apos;r rhain</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n pwynt</numerusform>
            <numerusform>%n pwynt</numerusform>
            <numerusform>%n pwynt</numerusform>
            <numerusform>%n pwynt</numerusform>
            <numerusform>%n pwynt</numerusform>
        </translation>
    </message>
    <message>
        <source>{number} of {total}.</source>
        <translation>{number} o {total}.</translation>
    </message>
    <message>
        <source>Press {number} to choose this answer.</source>
        <translation>Pwyswch {number} i ddewis yr ateb hwn.</translation>
    </message>
    <message>
        <source>A number from {low} to {high}</source>
        <translation>Rhif o {low} i {high}</translation>
    </message>
    <message>
        <source>A number, {low} or more</source>
        <translation>Rhif, {low} neu fwy</translation>
    </message>
    <message>
        <source>A number</source>
        <translation>Rhif</translation>
    </message>
    <message>
        <source>Enter a number, like 3</source>
        <translation>Rhowch rif, fel 3</translation>
    </message>
</context>
<context>
    <name>AssessorHelp</name>
    <message>
        <source>For the assessor: {help}</source>
        <translation>I&apos;r aseswr: {help}</translation>
    </message>
    <message>
        <source>Help for the assessor</source>
        <translation>Help i&apos;r aseswr</translation>
    </message>
    <message>
        <source>shown</source>
        <translation>yn cael ei ddangos</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>wedi&apos;i guddio</translation>
    </message>
</context>
<context>
    <name>BackgroundSync</name>
    <message>
        <source>DEMO: fictional people; nothing is sent</source>
        <translation>FERSIWN ARDDANGOS: pobl ddychmygol; does dim byd yn cael ei anfon</translation>
    </message>
    <message>
        <source>Sending: not set up on this laptop yet (Cases, then Sending to the council)</source>
        <translation>Anfon: heb ei osod ar y gliniadur hwn eto (Achosion, yna Anfon at y cyngor)</translation>
    </message>
    <message>
        <source>Sending stopped: the council has withdrawn this laptop&apos;s access. Ask your IT team.</source>
        <translation>Mae anfon wedi dod i ben: mae&apos;r cyngor wedi tynnu mynediad y gliniadur hwn yn ôl. Gofynnwch i&apos;ch tîm TG.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wrthi&apos;n anfon…</translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) attention</source>
        <translation>
            <numerusform>Angen sylw: %n</numerusform>
            <numerusform>Angen sylw: %n</numerusform>
            <numerusform>Angen sylw: %n</numerusform>
            <numerusform>Angen sylw: %n</numerusform>
            <numerusform>Angen sylw: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to send</source>
        <translation>
            <numerusform>Yn aros i&apos;w hanfon: %n</numerusform>
            <numerusform>Yn aros i&apos;w hanfon: %n</numerusform>
            <numerusform>Yn aros i&apos;w hanfon: %n</numerusform>
            <numerusform>Yn aros i&apos;w hanfon: %n</numerusform>
            <numerusform>Yn aros i&apos;w hanfon: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>All sent</source>
        <translation>Popeth wedi&apos;i anfon</translation>
    </message>
    <message>
        <source>Sending: status unknown</source>
        <translation>Anfon: statws anhysbys</translation>
    </message>
    <message>
        <source>Sending did not work: {why}</source>
        <translation>Ni weithiodd anfon: {why}</translation>
    </message>
    <message>
        <source>Sent to the council: {count}</source>
        <translation>Wedi&apos;u hanfon at y cyngor: {count}</translation>
    </message>
    <message>
        <source>Cannot reach the council</source>
        <translation>Methu cyrraedd y cyngor</translation>
    </message>
</context>
<context>
    <name>CaseDetails</name>
    <message>
        <source>For the council&apos;s national return</source>
        <translation>Ar gyfer ffurflen genedlaethol y cyngor</translation>
    </message>
    <message>
        <source>All optional. Leave blank what you do not know.</source>
        <translation>Mae’r cyfan yn ddewisol. Gadewch yn wag yr hyn nad ydych yn ei wybod.</translation>
    </message>
    <message>
        <source>NHS number</source>
        <translation>Rhif GIG</translation>
    </message>
    <message>
        <source>10 digits, for example 943 476 5919.</source>
        <translation>10 digid, er enghraifft 943 476 5919.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ydy</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nac ydy</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Ddim yn hysbys</translation>
    </message>
    <message>
        <source>Primary support reason</source>
        <translation>Prif reswm dros gymorth</translation>
    </message>
    <message>
        <source>Who took part in the assessment</source>
        <translation>Pwy gymerodd ran yn yr asesiad</translation>
    </message>
    <message>
        <source>Eligible needs identified</source>
        <translation>Anghenion cymwys wedi’u nodi</translation>
    </message>
    <message>
        <source>Has an unpaid carer</source>
        <translation>Oes ganddynt ofalwr di-dâl</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Heb ei gofnodi</translation>
    </message>
    <message>
        <source>Enter a real NHS number (10 digits), or leave it blank</source>
        <translation>Rhowch rif GIG go iawn (10 digid), neu gadewch ef yn wag</translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <source>Cases</source>
        <translation>Achosion</translation>
    </message>
    <message>
        <source>Search by name or council reference</source>
        <translation>Chwilio yn ôl enw neu gyfeirnod y cyngor</translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation>Chwilio achosion</translation>
    </message>
    <message>
        <source>Type part of a name or a council reference; the lists below change as you type.</source>
        <translation>Teipiwch ran o enw neu gyfeirnod y cyngor; mae&apos;r rhestrau isod yn newid wrth i chi deipio.</translation>
    </message>
    <message>
        <source>New assessment</source>
        <translation>Asesiad newydd</translation>
    </message>
    <message>
        <source>New ca&amp;rer&apos;s assessment</source>
        <translation>Asesiad &amp;gofalwr newydd</translation>
    </message>
    <message>
        <source>A carer&apos;s assessment, linked to the person selected in the list (if any).</source>
        <translation>Asesiad gofalwr, wedi&apos;i gysylltu â&apos;r unigolyn a ddewiswyd yn y rhestr (os oes un).</translation>
    </message>
    <message>
        <source>Case lists</source>
        <translation>Rhestrau achosion</translation>
    </message>
    <message>
        <source>Left and right arrows choose drafts, waiting to send, sent or needs attention.</source>
        <translation>Mae&apos;r bysellau saeth chwith a de yn dewis drafftiau, yn aros i&apos;w hanfon, wedi&apos;u hanfon neu angen sylw.</translation>
    </message>
    <message>
        <source>&amp;Open the selected case</source>
        <translation>Ag&amp;or yr achos a ddewiswyd</translation>
    </message>
    <message>
        <source>Start a re&amp;view</source>
        <translation>&amp;Dechrau adolygiad</translation>
    </message>
    <message>
        <source>A new assessment for the person selected, with last time&apos;s answers to check.</source>
        <translation>Asesiad newydd i&apos;r unigolyn a ddewiswyd, gydag atebion y tro diwethaf i&apos;w gwirio.</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Anfon nawr</translation>
    </message>
    <message>
        <source>Send every finalised case to the council now.</source>
        <translation>Anfon pob achos sydd wedi&apos;i gwblhau at y cyngor nawr.</translation>
    </message>
    <message>
        <source>Sending to the council…</source>
        <translation>Anfon at y cyngor…</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Drafftiau</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Yn aros i&apos;w hanfon</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Wedi&apos;u hanfon</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Angen sylw</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>drafft</translation>
    </message>
    <message>
        <source>finalised, waiting to send</source>
        <translation>wedi&apos;i gwblhau, yn aros i&apos;w anfon</translation>
    </message>
    <message>
        <source>waiting to send</source>
        <translation>yn aros i&apos;w anfon</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>yn cael ei anfon</translation>
    </message>
    <message>
        <source>not sent yet: will try again</source>
        <translation>heb ei anfon eto: bydd yn ceisio eto</translation>
    </message>
    <message>
        <source>sent to the council</source>
        <translation>wedi&apos;i anfon at y cyngor</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>angen sylw</translation>
    </message>
    <message>
        <source>No cases here.</source>
        <translation>Does dim achosion yma.</translation>
    </message>
    <message>
        <source>{group} ({count})</source>
        <translation>{group} ({count})</translation>
    </message>
    <message>
        <source>Carer&apos;s assessment</source>
        <translation>Asesiad gofalwr</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Asesiad</translation>
    </message>
    <message>
        <source>no council reference</source>
        <translation>dim cyfeirnod cyngor</translation>
    </message>
    <message>
        <source>£{amount} a week</source>
        <translation>£{amount} yr wythnos</translation>
    </message>
    <message>
        <source>changed {date}</source>
        <translation>newidiwyd ar {date}</translation>
    </message>
    <message>
        <source>Why: {reason}</source>
        <translation>Pam: {reason}</translation>
    </message>
</context>
<context>
    <name>CheckAnswersPage</name>
    <message>
        <source>The answers</source>
        <translation>Yr atebion</translation>
    </message>
    <message>
        <source>Version {version} is finalised: these answers cannot change. To correct them, amend the assessment and give the reason.</source>
        <translation>Mae fersiwn {version} wedi&apos;i gwblhau: ni all yr atebion hyn newid. I&apos;w cywiro, diwygiwch yr asesiad a rhowch y rheswm.</translation>
    </message>
    <message>
        <source>Check the answers</source>
        <translation>Gwirio&apos;r atebion</translation>
    </message>
    <message>
        <source>There is a problem</source>
        <translation>Mae problem</translation>
    </message>
    <message>
        <source>Answer: {question}</source>
        <translation>Atebwch: {question}</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Newid</translation>
    </message>
    <message>
        <source>Change: {question}</source>
        <translation>Newid: {question}</translation>
    </message>
    <message>
        <source>Back to the budget</source>
        <translation>Yn ôl i&apos;r gyllideb</translation>
    </message>
    <message>
        <source>Amend</source>
        <translation>Diwygio</translation>
    </message>
    <message>
        <source>Correct the answers in a new version, with a reason.</source>
        <translation>Cywiro&apos;r atebion mewn fersiwn newydd, gyda rheswm.</translation>
    </message>
    <message>
        <source>Continue to the budget</source>
        <translation>Parhau i&apos;r gyllideb</translation>
    </message>
    <message>
        <source>That is every question. Please give the laptop back.</source>
        <translation>Dyna bob cwestiwn. Rhowch y gliniadur yn ôl, os gwelwch yn dda.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Yn ôl</translation>
    </message>
</context>
<context>
    <name>CheckAnswersV2Page</name>
    <message>
        <source>Record the agreed answer: {question}</source>
        <translation>Cofnodwch yr ateb y cytunwyd arno: {question}</translation>
    </message>
    <message>
        <source>{view}: {answer}</source>
        <translation>{view}: {answer}</translation>
    </message>
    <message>
        <source>Answered by: {who}</source>
        <translation>Atebwyd gan: {who}</translation>
    </message>
    <message>
        <source>Helped by: {who}</source>
        <translation>Help gan: {who}</translation>
    </message>
    <message>
        <source>Evidence: {text}</source>
        <translation>Tystiolaeth: {text}</translation>
    </message>
    <message>
        <source>{answer} (does not apply: not counted)</source>
        <translation>{answer} (ddim yn berthnasol: heb ei gyfrif)</translation>
    </message>
</context>
<context>
    <name>ClosedPage</name>
    <message>
        <source>rasdesk has closed the cases</source>
        <translation>Mae rasdesk wedi cau&apos;r achosion</translation>
    </message>
    <message>
        <source>The PIN was wrong {count} times in a row, so rasdesk has closed the case store to keep people&apos;s information safe. Everything saved is safe.</source>
        <translation>Roedd y PIN yn anghywir {count} gwaith yn olynol, felly mae rasdesk wedi cau&apos;r storfa achosion i gadw gwybodaeth pobl yn ddiogel. Mae popeth a gadwyd yn ddiogel.</translation>
    </message>
    <message>
        <source>Close rasdesk and start it again to try your PIN once more. If you have forgotten your PIN, ask your council&apos;s IT team for help.</source>
        <translation>Caewch rasdesk a&apos;i agor eto i roi cynnig arall ar eich PIN. Os ydych chi wedi anghofio eich PIN, gofynnwch i dîm TG eich cyngor am help.</translation>
    </message>
</context>
<context>
    <name>Decision</name>
    <message>
        <source>support plan in progress</source>
        <translation>cynllun cymorth ar y gweill</translation>
    </message>
    <message>
        <source>waiting for a decision</source>
        <translation>yn aros am benderfyniad</translation>
    </message>
    <message>
        <source>plan agreed</source>
        <translation>cynllun wedi&apos;i gytuno</translation>
    </message>
    <message>
        <source>decided</source>
        <translation>wedi&apos;i benderfynu</translation>
    </message>
    <message>
        <source>a week</source>
        <translation>yr wythnos</translation>
    </message>
    <message>
        <source>a month</source>
        <translation>y mis</translation>
    </message>
    <message>
        <source>a year</source>
        <translation>y flwyddyn</translation>
    </message>
    <message>
        <source>once</source>
        <translation>unwaith</translation>
    </message>
    <message>
        <source>as a one-off payment</source>
        <translation>fel taliad untro</translation>
    </message>
    <message>
        <source>{per} ({covers})</source>
        <translation>{per} ({covers})</translation>
    </message>
    <message>
        <source>the NHS</source>
        <translation>y GIG</translation>
    </message>
    <message>
        <source>the Independent Living Fund</source>
        <translation>y Gronfa Byw&apos;n Annibynnol</translation>
    </message>
    <message>
        <source>another funder</source>
        <translation>cyllidwr arall</translation>
    </message>
    <message>
        <source>This is the council&apos;s part: the plan is measured against council money.</source>
        <translation>Dyma ran y cyngor: caiff y cynllun ei fesur yn erbyn arian y cyngor.</translation>
    </message>
    <message>
        <source>Paid by {funder}, not by the council, and not counted here: {amount} {per}</source>
        <translation>Wedi&apos;i dalu gan {funder}, nid gan y cyngor, a heb ei gyfrif yma: {amount} {per}</translation>
    </message>
    <message>
        <source>Direct Payment</source>
        <translation>Taliad Uniongyrchol</translation>
    </message>
    <message>
        <source>CASSR Managed Personal Budget (managed by the council)</source>
        <translation>Cyllideb Bersonol a Reolir gan y CASSR (y cyngor sy&apos;n ei rheoli)</translation>
    </message>
    <message>
        <source>CASSR Commissioned Support (arranged by the council)</source>
        <translation>Cymorth a Gomisiynir gan y CASSR (y cyngor sy&apos;n ei drefnu)</translation>
    </message>
    <message>
        <source>Individual Service Fund</source>
        <translation>Cronfa Gwasanaeth Unigol</translation>
    </message>
    <message>
        <source>The final budget is the indicative amount</source>
        <translation>Y gyllideb derfynol yw&apos;r swm dangosol</translation>
    </message>
    <message>
        <source>Needs the questionnaire did not capture</source>
        <translation>Anghenion na chafodd eu cofnodi gan yr holiadur</translation>
    </message>
    <message>
        <source>Needs met in other ways</source>
        <translation>Anghenion sy&apos;n cael eu diwallu mewn ffyrdd eraill</translation>
    </message>
    <message>
        <source>What support costs locally</source>
        <translation>Beth mae cymorth yn ei gostio&apos;n lleol</translation>
    </message>
    <message>
        <source>A carer&apos;s circumstances changed</source>
        <translation>Newidiodd amgylchiadau gofalwr</translation>
    </message>
    <message>
        <source>Health funding shares the cost</source>
        <translation>Mae cyllid iechyd yn rhannu&apos;r gost</translation>
    </message>
    <message>
        <source>Risk to the person or others</source>
        <translation>Risg i&apos;r unigolyn neu i eraill</translation>
    </message>
    <message>
        <source>Another reason</source>
        <translation>Rheswm arall</translation>
    </message>
    <message>
        <source>the same as the indicative amount</source>
        <translation>yr un faint â&apos;r swm dangosol</translation>
    </message>
    <message>
        <source>above the indicative amount</source>
        <translation>yn uwch na&apos;r swm dangosol</translation>
    </message>
    <message>
        <source>below the indicative amount</source>
        <translation>yn is na&apos;r swm dangosol</translation>
    </message>
</context>
<context>
    <name>DecisionPage</name>
    <message>
        <source>Record the decision</source>
        <translation>Cofnodi&apos;r penderfyniad</translation>
    </message>
    <message>
        <source>Indicative budget: {amount} {per}. The plan costs {year} a year.</source>
        <translation>Cyllideb ddangosol: {amount} {per}. Mae&apos;r cynllun yn costio {year} y flwyddyn.</translation>
    </message>
    <message>
        <source>Indicative budget: {amount} {per}. The plan costs {year} once.</source>
        <translation>Cyllideb ddangosol: {amount} {per}. Mae&apos;r cynllun yn costio {year} unwaith.</translation>
    </message>
    <message>
        <source>Final personal budget, in pounds {per}</source>
        <translation>Cyllideb bersonol derfynol, mewn punnoedd {per}</translation>
    </message>
    <message>
        <source>Who decided (a manager, or the panel)</source>
        <translation>Pwy benderfynodd (rheolwr, neu&apos;r panel)</translation>
    </message>
    <message>
        <source>Decided by a manager or a panel</source>
        <translation>Penderfynwyd gan reolwr neu banel</translation>
    </message>
    <message>
        <source>The resource allocation panel</source>
        <translation>Y panel dyrannu adnoddau</translation>
    </message>
    <message>
        <source>A manager</source>
        <translation>Rheolwr</translation>
    </message>
    <message>
        <source>Date decided (YYYY-MM-DD)</source>
        <translation>Dyddiad y penderfyniad (BBBB-MM-DD)</translation>
    </message>
    <message>
        <source>Reason category</source>
        <translation>Math o reswm</translation>
    </message>
    <message>
        <source>Reasons, in words the person will read</source>
        <translation>Rhesymau, mewn geiriau y bydd yr unigolyn yn eu darllen</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Yn ôl</translation>
    </message>
</context>
<context>
    <name>EnrolForm</name>
    <message>
        <source>Set up sending on this laptop</source>
        <translation>Gosod anfon ar y gliniadur hwn</translation>
    </message>
    <message>
        <source>Your administrator gives you the council&apos;s server address and a one-time enrolment code. The code works once, for a short time.</source>
        <translation>Mae eich gweinyddwr yn rhoi cyfeiriad gweinydd y cyngor a chod cofrestru untro i chi. Mae&apos;r cod yn gweithio unwaith, am gyfnod byr.</translation>
    </message>
    <message>
        <source>The council&apos;s server address</source>
        <translation>Cyfeiriad gweinydd y cyngor</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>Cod cofrestru</translation>
    </message>
    <message>
        <source>En&amp;rol this laptop</source>
        <translation>Cofrestru&apos;r &amp;gliniadur hwn</translation>
    </message>
    <message>
        <source>Enter the council&apos;s server address.</source>
        <translation>Rhowch gyfeiriad gweinydd y cyngor.</translation>
    </message>
    <message>
        <source>Enter the enrolment code your administrator gave you.</source>
        <translation>Rhowch y cod cofrestru a roddodd eich gweinyddwr i chi.</translation>
    </message>
    <message>
        <source>Enrolling this laptop…</source>
        <translation>Wrthi&apos;n cofrestru&apos;r gliniadur hwn…</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>This ruleset cannot be trusted</source>
        <translation>Does dim modd ymddiried yn y set reolau hon</translation>
    </message>
    <message>
        <source>Its signature does not match a key your council trusts, or the file was changed after it was signed. Nothing was installed. Ask your council&apos;s team for the signed ruleset file and the key it was signed with.</source>
        <translation>Dydy ei llofnod ddim yn cyfateb i allwedd y mae eich cyngor yn ymddiried ynddi, neu cafodd y ffeil ei newid ar ôl iddi gael ei llofnodi. Does dim byd wedi&apos;i osod. Gofynnwch i dîm eich cyngor am ffeil y set reolau wedi&apos;i llofnodi a&apos;r allwedd a ddefnyddiwyd i&apos;w llofnodi.</translation>
    </message>
    <message>
        <source>This ruleset cannot be used</source>
        <translation>Does dim modd defnyddio&apos;r set reolau hon</translation>
    </message>
    <message>
        <source>The file is not a ruleset rasdesk can use. Nothing was installed.</source>
        <translation>Dydy&apos;r ffeil ddim yn set reolau y gall rasdesk ei defnyddio. Does dim byd wedi&apos;i osod.</translation>
    </message>
    <message>
        <source>The cared-for person&apos;s case is needed first</source>
        <translation>Mae angen achos yr unigolyn sy&apos;n derbyn gofal yn gyntaf</translation>
    </message>
    <message>
        <source>This carer&apos;s assessment reads facts from the cared-for person&apos;s case. Do what is named below in that case, then come back to this one.</source>
        <translation>Mae&apos;r asesiad gofalwr hwn yn darllen ffeithiau o achos yr unigolyn sy&apos;n derbyn gofal. Gwnewch yr hyn a enwir isod yn yr achos hwnnw, yna dewch yn ôl at yr un hwn.</translation>
    </message>
    <message>
        <source>Some answers are missing or do not fit</source>
        <translation>Mae rhai atebion ar goll neu ddim yn ffitio</translation>
    </message>
    <message>
        <source>Go back to the questions named below and answer them.</source>
        <translation>Ewch yn ôl at y cwestiynau a enwir isod a&apos;u hateb.</translation>
    </message>
    <message>
        <source>This case cannot be changed</source>
        <translation>Does dim modd newid yr achos hwn</translation>
    </message>
    <message>
        <source>It has been finalised. To correct it, amend it and give a reason.</source>
        <translation>Mae wedi&apos;i gwblhau. I&apos;w gywiro, diwygiwch yr achos a rhowch reswm.</translation>
    </message>
    <message>
        <source>There is nowhere safe to keep the cases&apos; key</source>
        <translation>Does unman diogel i gadw allwedd yr achosion</translation>
    </message>
    <message>
        <source>rasdesk keeps case data encrypted, with its key in this computer&apos;s password store, and will not store cases without one. Ask your IT team to set up the password store (GNOME Keyring or KWallet on Linux).</source>
        <translation>Mae rasdesk yn cadw data achosion wedi&apos;u hamgryptio, gyda&apos;r allwedd yn storfa gyfrineiriau&apos;r cyfrifiadur hwn, ac ni fydd yn cadw achosion heb un. Gofynnwch i&apos;ch tîm TG osod y storfa gyfrineiriau (GNOME Keyring neu KWallet ar Linux).</translation>
    </message>
    <message>
        <source>The case store could not do that</source>
        <translation>Doedd storfa&apos;r achosion ddim yn gallu gwneud hynny</translation>
    </message>
    <message>
        <source>Nothing was lost. If this keeps happening, ask your IT team.</source>
        <translation>Does dim byd wedi&apos;i golli. Os yw hyn yn dal i ddigwydd, gofynnwch i&apos;ch tîm TG.</translation>
    </message>
    <message>
        <source>That cannot be used</source>
        <translation>Does dim modd defnyddio hynny</translation>
    </message>
    <message>
        <source>Check what is named below and try again.</source>
        <translation>Gwiriwch yr hyn a enwir isod a rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>A file could not be read or written</source>
        <translation>Doedd dim modd darllen nac ysgrifennu ffeil</translation>
    </message>
    <message>
        <source>Check the file or folder named below, and that there is room on the disk.</source>
        <translation>Gwiriwch y ffeil neu&apos;r ffolder a enwir isod, a bod lle ar y ddisg.</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Aeth rhywbeth o&apos;i le</translation>
    </message>
    <message>
        <source>rasdesk hit a problem it did not expect. Every answer given so far is saved. The details are in the log file named below; your IT team may ask for it.</source>
        <translation>Cafodd rasdesk broblem nad oedd yn ei disgwyl. Mae pob ateb a roddwyd hyd yma wedi&apos;i gadw. Mae&apos;r manylion yn y ffeil log a enwir isod; efallai y bydd eich tîm TG yn gofyn amdani.</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Set up rasdesk</source>
        <translation>Gosod rasdesk</translation>
    </message>
    <message>
        <source>Your name, as it goes on assessments</source>
        <translation>Eich enw, fel y bydd ar asesiadau</translation>
    </message>
    <message>
        <source>Choose a PIN</source>
        <translation>Dewiswch PIN</translation>
    </message>
    <message>
        <source>4 to 12 digits. It unlocks rasdesk after it locks itself.</source>
        <translation>Rhwng 4 a 12 digid. Mae&apos;n datgloi rasdesk ar ôl iddo gloi ei hun.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>The same PIN again</source>
        <translation>Yr un PIN eto</translation>
    </message>
    <message>
        <source>Your council&apos;s ruleset</source>
        <translation>Set reolau eich cyngor</translation>
    </message>
    <message>
        <source>Choose the ruleset file…</source>
        <translation>Dewis ffeil y set reolau…</translation>
    </message>
    <message>
        <source>Trust the council&apos;s key file…</source>
        <translation>Ymddiried yn ffeil allwedd y cyngor…</translation>
    </message>
    <message>
        <source>Get it from the council&apos;s server</source>
        <translation>Ei chael o weinydd y cyngor</translation>
    </message>
    <message>
        <source>Set up sending to the council…</source>
        <translation>Gosod anfon at y cyngor…</translation>
    </message>
    <message>
        <source>Enrol this laptop with the server address and code from your administrator; the council&apos;s ruleset then comes from its server.</source>
        <translation>Cofrestru&apos;r gliniadur hwn gyda chyfeiriad y gweinydd a&apos;r cod gan eich gweinyddwr; wedyn bydd set reolau&apos;r cyngor yn dod o&apos;i weinydd.</translation>
    </message>
    <message>
        <source>Save and start</source>
        <translation>Cadw a dechrau</translation>
    </message>
    <message>
        <source>No ruleset is installed yet.</source>
        <translation>Does dim set reolau wedi&apos;i gosod eto.</translation>
    </message>
    <message>
        <source>Installed: {title}, version {version}.</source>
        <translation>Wedi&apos;i gosod: {title}, fersiwn {version}.</translation>
    </message>
    <message>
        <source>This computer does not trust the key this ruleset was signed with. If your council gave you its key file, press &quot;Trust the council&apos;s key file…&quot;, then choose the ruleset file again.</source>
        <translation>Nid yw&apos;r cyfrifiadur hwn yn ymddiried yn yr allwedd a lofnododd y set reolau hon. Os rhoddodd eich cyngor ei ffeil allwedd i chi, pwyswch &quot;Ymddiried yn ffeil allwedd y cyngor…&quot;, yna dewiswch ffeil y set reolau eto.</translation>
    </message>
    <message>
        <source>The signed ruleset file</source>
        <translation>Y ffeil set reolau wedi&apos;i llofnodi</translation>
    </message>
    <message>
        <source>Signed rulesets (*.json)</source>
        <translation>Setiau rheolau wedi&apos;u llofnodi (*.json)</translation>
    </message>
    <message>
        <source>Done: this laptop can now send cases to {server}. Getting the council&apos;s ruleset from it…</source>
        <translation>Wedi&apos;i wneud: gall y gliniadur hwn anfon achosion at {server} nawr. Wrthi&apos;n cael set reolau&apos;r cyngor ganddo…</translation>
    </message>
    <message>
        <source>The server offered a ruleset this computer does not trust.</source>
        <translation>Cynigiodd y gweinydd set reolau nad yw&apos;r cyfrifiadur hwn yn ymddiried ynddi.</translation>
    </message>
    <message>
        <source>Asking the council&apos;s server…</source>
        <translation>Wrthi&apos;n holi gweinydd y cyngor…</translation>
    </message>
    <message>
        <source>The council&apos;s public key</source>
        <translation>Allwedd gyhoeddus y cyngor</translation>
    </message>
    <message>
        <source>Public keys (*.pem)</source>
        <translation>Allweddi cyhoeddus (*.pem)</translation>
    </message>
    <message>
        <source>Done: this computer now trusts the council&apos;s key {keyid}. Now choose the ruleset file.</source>
        <translation>Wedi&apos;i wneud: mae&apos;r cyfrifiadur hwn bellach yn ymddiried yn allwedd y cyngor {keyid}. Nawr dewiswch ffeil y set reolau.</translation>
    </message>
    <message>
        <source>Enter your name</source>
        <translation>Rhowch eich enw</translation>
    </message>
    <message>
        <source>The two PINs are not the same</source>
        <translation>Dydy&apos;r ddau PIN ddim yr un fath</translation>
    </message>
    <message>
        <source>A PIN is 4 to 12 digits</source>
        <translation>Mae PIN rhwng 4 a 12 digid</translation>
    </message>
    <message>
        <source>Choose your council&apos;s ruleset file</source>
        <translation>Dewiswch ffeil set reolau eich cyngor</translation>
    </message>
    <message>
        <source>There is a problem</source>
        <translation>Mae problem</translation>
    </message>
</context>
<context>
    <name>FolderDialog</name>
    <message>
        <source>Choose a folder</source>
        <translation>Dewis ffolder</translation>
    </message>
    <message>
        <source>Choose the folder to save the copy in</source>
        <translation>Dewiswch y ffolder i gadw&apos;r copi ynddo</translation>
    </message>
    <message>
        <source>Home folder</source>
        <translation>Ffolder cartref</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dogfennau</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>Bwrdd gwaith</translation>
    </message>
    <message>
        <source>Memory stick: {name}</source>
        <translation>Cof bach: {name}</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Ffolderi</translation>
    </message>
    <message>
        <source>Save in this folder</source>
        <translation>Cadw yn y ffolder hwn</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Chosen: {folder}</source>
        <translation>Wedi&apos;i ddewis: {folder}</translation>
    </message>
    <message>
        <source>No folder chosen</source>
        <translation>Dim ffolder wedi&apos;i ddewis</translation>
    </message>
</context>
<context>
    <name>LetterPrint</name>
    <message>
        <source>The letter is saved as {file}.</source>
        <translation>Mae&apos;r llythyr wedi&apos;i gadw fel {file}.</translation>
    </message>
    <message>
        <source>The accessible copy is saved as {file}.</source>
        <translation>Mae&apos;r copi hygyrch wedi&apos;i gadw fel {file}.</translation>
    </message>
    <message>
        <source>The letter read aloud is saved as {file}.</source>
        <translation>Mae&apos;r llythyr ar ffurf sain wedi&apos;i gadw fel {file}.</translation>
    </message>
    <message>
        <source>The letter in braille is saved as {file}.</source>
        <translation>Mae&apos;r llythyr mewn Braille wedi&apos;i gadw fel {file}.</translation>
    </message>
    <message>
        <source>Making the letter…</source>
        <translation>Wrthi&apos;n gwneud y llythyr…</translation>
    </message>
    <message>
        <source>The letter has gone to the printer. Pages: {pages}.</source>
        <translation>Mae&apos;r llythyr wedi mynd i&apos;r argraffydd. Tudalennau: {pages}.</translation>
    </message>
    <message>
        <source>Printing the letter…</source>
        <translation>Wrthi&apos;n argraffu&apos;r llythyr…</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Llythyr</translation>
    </message>
</context>
<context>
    <name>LinkedFacts</name>
    <message>
        <source>Read from {name}&apos;s case, version {number} (finalised).</source>
        <translation>Wedi&apos;u darllen o achos {name}, fersiwn {number} (wedi&apos;i gwblhau).</translation>
    </message>
    <message>
        <source>Read from {name}&apos;s case, version {number}, as its draft stood when this assessment was finalised.</source>
        <translation>Wedi&apos;u darllen o achos {name}, fersiwn {number}, fel yr oedd y drafft pan gwblhawyd yr asesiad hwn.</translation>
    </message>
    <message>
        <source>Read from {name}&apos;s case, version {number}, a draft: the facts may change until it is finalised.</source>
        <translation>Wedi&apos;u darllen o achos {name}, fersiwn {number}, drafft: gall y ffeithiau newid nes iddo gael ei gwblhau.</translation>
    </message>
    <message>
        <source>{fact}: {value}</source>
        <translation>{fact}: {value}</translation>
    </message>
    <message>
        <source>This assessment reads facts from the cared-for person&apos;s case, but it is not linked to one. Start the carer&apos;s assessment from the person&apos;s case: select them in the case list, then choose New carer&apos;s assessment.</source>
        <translation>Mae&apos;r asesiad hwn yn darllen ffeithiau o achos yr unigolyn sy&apos;n derbyn gofal, ond nid yw wedi&apos;i gysylltu ag un. Dechreuwch yr asesiad gofalwr o achos yr unigolyn: dewiswch yr unigolyn yn y rhestr achosion, yna dewiswch Asesiad gofalwr newydd.</translation>
    </message>
    <message>
        <source>{name}&apos;s case is not the assessment these facts come from. Link the carer&apos;s assessment to the cared-for person&apos;s own case.</source>
        <translation>Nid achos {name} yw&apos;r asesiad y daw&apos;r ffeithiau hyn ohono. Cysylltwch yr asesiad gofalwr ag achos yr unigolyn sy&apos;n derbyn gofal ei hun.</translation>
    </message>
    <message>
        <source>Check {name}&apos;s case: {problem}</source>
        <translation>Gwiriwch achos {name}: {problem}</translation>
    </message>
    <message>
        <source>Answer &quot;{question}&quot; in {name}&apos;s case first.</source>
        <translation>Atebwch &quot;{question}&quot; yn achos {name} yn gyntaf.</translation>
    </message>
    <message>
        <source>Who answered this assessment: {who}</source>
        <translation>Pwy atebodd yr asesiad hwn: {who}</translation>
    </message>
    <message>
        <source>Who answered this assessment</source>
        <translation>Pwy atebodd yr asesiad hwn</translation>
    </message>
    <message>
        <source>From the cared-for person&apos;s case</source>
        <translation>O achos yr unigolyn sy&apos;n derbyn gofal</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <source>rasdesk is locked</source>
        <translation>Mae rasdesk wedi&apos;i gloi</translation>
    </message>
    <message>
        <source>Welcome back</source>
        <translation>Croeso nôl</translation>
    </message>
    <message>
        <source>Enter your PIN to open your cases.</source>
        <translation>Rhowch eich PIN i agor eich achosion.</translation>
    </message>
    <message>
        <source>Everything is saved. Enter your PIN to carry on.</source>
        <translation>Mae popeth wedi&apos;i gadw. Rhowch eich PIN i barhau.</translation>
    </message>
    <message>
        <source>Demo: the PIN is 1234.</source>
        <translation>Fersiwn arddangos: 1234 yw&apos;r PIN.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Datgloi</translation>
    </message>
    <message>
        <source>Locked. Everything is saved. Enter your PIN to carry on.</source>
        <translation>Wedi&apos;i gloi. Mae popeth wedi&apos;i gadw. Rhowch eich PIN i barhau.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Cases</source>
        <translation>Achosion</translation>
    </message>
    <message>
        <source>rasdesk</source>
        <translation>rasdesk</translation>
    </message>
    <message>
        <source> — DEMO</source>
        <translation> — FERSIWN ARDDANGOS</translation>
    </message>
    <message>
        <source>Finalising…</source>
        <translation>Wrthi&apos;n cwblhau…</translation>
    </message>
    <message>
        <source>No ruleset installed</source>
        <translation>Dim set reolau wedi&apos;i gosod</translation>
    </message>
    <message>
        <source>Ruleset: {id}, version {version}</source>
        <translation>Set reolau: {id}, fersiwn {version}</translation>
    </message>
</context>
<context>
    <name>ModeBar</name>
    <message>
        <source>C&amp;ases</source>
        <translation>&amp;Achosion</translation>
    </message>
    <message>
        <source>Look&amp;s</source>
        <translation>Gol&amp;wg</translation>
    </message>
    <message>
        <source>&amp;Large print</source>
        <translation>&amp;Print bras</translation>
    </message>
    <message>
        <source>&amp;Easy read</source>
        <translation>&amp;Hawdd ei ddeall</translation>
    </message>
    <message>
        <source>High con&amp;trast</source>
        <translation>Cyferbyniad &amp;uchel</translation>
    </message>
    <message>
        <source>&amp;Hand to the person</source>
        <translation>&amp;Rhoi i&apos;r unigolyn</translation>
    </message>
    <message>
        <source>Take &amp;back</source>
        <translation>C&amp;ymryd yn ôl</translation>
    </message>
    <message>
        <source>Loc&amp;k</source>
        <translation>&amp;Cloi</translation>
    </message>
    <message>
        <source>Looks: {on}</source>
        <translation>Golwg: {on}</translation>
    </message>
    <message>
        <source>standard</source>
        <translation>safonol</translation>
    </message>
</context>
<context>
    <name>MoveRulesetPage</name>
    <message>
        <source>A newer ruleset is installed: move this draft to it?</source>
        <translation>Mae set reolau fwy newydd wedi&apos;i gosod: symud y drafft hwn iddi?</translation>
    </message>
    <message>
        <source>This draft uses {old_id} version {old_version}. The council&apos;s current ruleset is version {new_version}.</source>
        <translation>Mae&apos;r drafft hwn yn defnyddio {old_id} fersiwn {old_version}. Fersiwn {new_version} yw set reolau bresennol y cyngor.</translation>
    </message>
    <message>
        <source>Before: {figure}</source>
        <translation>Cyn: {figure}</translation>
    </message>
    <message>
        <source>After: {figure}</source>
        <translation>Wedyn: {figure}</translation>
    </message>
    <message>
        <source>{carried} answers carry over. {asked} questions will be asked again.</source>
        <translation>Mae {carried} ateb yn symud drosodd. Bydd {asked} cwestiwn yn cael eu gofyn eto.</translation>
    </message>
    <message>
        <source>What does not carry over</source>
        <translation>Beth sydd ddim yn symud drosodd</translation>
    </message>
    <message>
        <source>What the council changed</source>
        <translation>Beth newidiodd y cyngor</translation>
    </message>
    <message>
        <source>Move it to the new ruleset</source>
        <translation>Ei symud i&apos;r set reolau newydd</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nid nawr</translation>
    </message>
    <message>
        <source>not worked out yet</source>
        <translation>heb ei gyfrifo eto</translation>
    </message>
    <message>
        <source>no amount of its own</source>
        <translation>dim swm ei hun</translation>
    </message>
    <message>
        <source>Moved to the new ruleset</source>
        <translation>Wedi&apos;i symud i&apos;r set reolau newydd</translation>
    </message>
</context>
<context>
    <name>NewCasePage</name>
    <message>
        <source>New carer&apos;s assessment</source>
        <translation>Asesiad gofalwr newydd</translation>
    </message>
    <message>
        <source>New assessment</source>
        <translation>Asesiad newydd</translation>
    </message>
    <message>
        <source>Linked to the assessment of {name}.</source>
        <translation>Wedi&apos;i gysylltu ag asesiad {name}.</translation>
    </message>
    <message>
        <source>Full name of the person this assessment is for</source>
        <translation>Enw llawn yr unigolyn y mae&apos;r asesiad hwn ar ei gyfer</translation>
    </message>
    <message>
        <source>As they like it written on letters.</source>
        <translation>Fel y maen nhw&apos;n hoffi ei weld ar lythyrau.</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Dyddiad geni</translation>
    </message>
    <message>
        <source>For example, 27 3 1950</source>
        <translation>Er enghraifft, 27 3 1950</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Diwrnod</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mis</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Blwyddyn</translation>
    </message>
    <message>
        <source>Council reference (if known)</source>
        <translation>Cyfeirnod y cyngor (os ydych chi&apos;n ei wybod)</translation>
    </message>
    <message>
        <source>Who is helping them with this assessment (if anyone)</source>
        <translation>Pwy sy&apos;n eu helpu gyda&apos;r asesiad hwn (os oes rhywun)</translation>
    </message>
    <message>
        <source>For example, their daughter, or an advocate.</source>
        <translation>Er enghraifft, eu merch, neu eiriolwr.</translation>
    </message>
    <message>
        <source>How they need information</source>
        <translation>Sut mae angen gwybodaeth arnyn nhw</translation>
    </message>
    <message>
        <source>Tick all that apply. The screens and letters will follow them.</source>
        <translation>Ticiwch bob un sy&apos;n berthnasol. Bydd y sgriniau a&apos;r llythyrau&apos;n dilyn y rhain.</translation>
    </message>
    <message>
        <source>Language for screens and letters</source>
        <translation>Iaith y sgriniau a&apos;r llythyrau</translation>
    </message>
    <message>
        <source>Start the assessment</source>
        <translation>Dechrau&apos;r asesiad</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Large print</source>
        <translation>Print bras</translation>
    </message>
    <message>
        <source>Easy read, with pictures</source>
        <translation>Hawdd ei ddeall, gyda lluniau</translation>
    </message>
    <message>
        <source>Welsh</source>
        <translation>Cymraeg</translation>
    </message>
    <message>
        <source>British Sign Language interpreter</source>
        <translation>Dehonglydd Iaith Arwyddion Prydain</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Sain</translation>
    </message>
    <message>
        <source>Braille</source>
        <translation>Braille</translation>
    </message>
    <message>
        <source>Plain text by email</source>
        <translation>Testun plaen drwy e-bost</translation>
    </message>
    <message>
        <source>Date of birth: {part}</source>
        <translation>Dyddiad geni: {part}</translation>
    </message>
    <message>
        <source>Enter the person&apos;s full name</source>
        <translation>Rhowch enw llawn yr unigolyn</translation>
    </message>
    <message>
        <source>Date of birth must be a real date in the past, like 27 3 1950</source>
        <translation>Rhaid i&apos;r dyddiad geni fod yn ddyddiad go iawn yn y gorffennol, fel 27 3 1950</translation>
    </message>
    <message>
        <source>There is a problem</source>
        <translation>Mae problem</translation>
    </message>
</context>
<context>
    <name>PinEntry</name>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>That PIN is not right. Try again.</source>
        <translation>Nid yw&apos;r PIN yna&apos;n gywir. Rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>Wrong PINs left before you need to wait between tries: {left}.</source>
        <translation>PINau anghywir sydd ar ôl cyn y bydd angen aros rhwng cynigion: {left}.</translation>
    </message>
    <message>
        <source>You can try your PIN again now.</source>
        <translation>Gallwch roi cynnig ar eich PIN eto nawr.</translation>
    </message>
    <message>
        <source>That PIN is not right. To keep people&apos;s information safe, please wait a little before trying again ({time} left). Nothing is lost.</source>
        <translation>Nid yw&apos;r PIN yna&apos;n gywir. I gadw gwybodaeth pobl yn ddiogel, arhoswch ychydig cyn rhoi cynnig arall arni ({time} ar ôl). Does dim wedi&apos;i golli.</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>Support plan</source>
        <translation>Cynllun cymorth</translation>
    </message>
    <message>
        <source>Indicative budget: {amount} {per}</source>
        <translation>Cyllideb ddangosol: {amount} {per}</translation>
    </message>
    <message>
        <source>What the budget will buy</source>
        <translation>Am beth y bydd y gyllideb yn talu</translation>
    </message>
    <message>
        <source>The amount the plan is measured against</source>
        <translation>Y swm y caiff y cynllun ei fesur yn ei erbyn</translation>
    </message>
    <message>
        <source>Items of the plan</source>
        <translation>Eitemau&apos;r cynllun</translation>
    </message>
    <message>
        <source>{number}. {kind} ({provider}): {quantity} {unit} × {rate} = {cost} {per}</source>
        <translation>{number}. {kind} ({provider}): {quantity} {unit} × {rate} = {cost} {per}</translation>
    </message>
    <message>
        <source>No items yet.</source>
        <translation>Dim eitemau eto.</translation>
    </message>
    <message>
        <source>Remove the selected item</source>
        <translation>Tynnu&apos;r eitem a ddewiswyd</translation>
    </message>
    <message>
        <source>Add an item</source>
        <translation>Ychwanegu eitem</translation>
    </message>
    <message>
        <source>Kind of support</source>
        <translation>Math o gymorth</translation>
    </message>
    <message>
        <source>Who provides it</source>
        <translation>Pwy sy&apos;n ei ddarparu</translation>
    </message>
    <message>
        <source>How many</source>
        <translation>Faint</translation>
    </message>
    <message>
        <source>Unit (hours, days, nights, item)</source>
        <translation>Uned (oriau, dyddiau, nosweithiau, eitem)</translation>
    </message>
    <message>
        <source>Cost of one, in pounds</source>
        <translation>Cost un, mewn punnoedd</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>Pa mor aml</translation>
    </message>
    <message>
        <source>Need areas it meets</source>
        <translation>Y meysydd angen y mae&apos;n eu diwallu</translation>
    </message>
    <message>
        <source>Add this item</source>
        <translation>Ychwanegu&apos;r eitem hon</translation>
    </message>
    <message>
        <source>How the budget is managed</source>
        <translation>Sut y caiff y gyllideb ei rheoli</translation>
    </message>
    <message>
        <source>Not chosen yet</source>
        <translation>Heb ei ddewis eto</translation>
    </message>
    <message>
        <source>Who agreed the plan</source>
        <translation>Pwy gytunodd ar y cynllun</translation>
    </message>
    <message>
        <source>Finalise the plan</source>
        <translation>Cwblhau&apos;r cynllun</translation>
    </message>
    <message>
        <source>Freeze the plan; it then waits for a decision if it needs one.</source>
        <translation>Rhewi&apos;r cynllun; wedyn bydd yn aros am benderfyniad os oes angen un.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Yn ôl</translation>
    </message>
    <message>
        <source>The plan has no items yet. Indicative budget: {amount} {per}.</source>
        <translation>Does dim eitemau yn y cynllun eto. Cyllideb ddangosol: {amount} {per}.</translation>
    </message>
    <message>
        <source>Plan: {parts}, {direction} ({indicative}).</source>
        <translation>Cynllun: {parts}, {direction} ({indicative}).</translation>
    </message>
    <message>
        <source>Plan: {parts}; {year} a year, {direction} ({indicative}).</source>
        <translation>Cynllun: {parts}; {year} y flwyddyn, {direction} ({indicative}).</translation>
    </message>
    <message>
        <source>Plan: {parts}; {year} a year, {direction} ({indicative} a year).</source>
        <translation>Cynllun: {parts}; {year} y flwyddyn, {direction} ({indicative} y flwyddyn).</translation>
    </message>
</context>
<context>
    <name>PlanSummaryPage</name>
    <message>
        <source>The plan against the indicative budget</source>
        <translation>Y cynllun o&apos;i gymharu â&apos;r gyllideb ddangosol</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Statws: {status}</translation>
    </message>
    <message>
        <source>Indicative budget: {amount} {per}.</source>
        <translation>Cyllideb ddangosol: {amount} {per}.</translation>
    </message>
    <message>
        <source>Indicative budget: {amount} {per} ({year} a year).</source>
        <translation>Cyllideb ddangosol: {amount} {per} ({year} y flwyddyn).</translation>
    </message>
    <message>
        <source>The plan costs {year} a year: {direction}.</source>
        <translation>Mae&apos;r cynllun yn costio {year} y flwyddyn: {direction}.</translation>
    </message>
    <message>
        <source>The plan costs {amount} {per}: {direction}.</source>
        <translation>Mae&apos;r cynllun yn costio {amount} {per}: {direction}.</translation>
    </message>
    <message>
        <source>Difference: {amount} ({percent}%).</source>
        <translation>Gwahaniaeth: {amount} ({percent}%).</translation>
    </message>
    <message>
        <source>Difference: {amount} a year ({percent}%).</source>
        <translation>Gwahaniaeth: {amount} y flwyddyn ({percent}%).</translation>
    </message>
    <message>
        <source>The indicative budget and the plan, over a year</source>
        <translation>Y gyllideb ddangosol a&apos;r cynllun, dros flwyddyn</translation>
    </message>
    <message>
        <source>The indicative budget and the plan</source>
        <translation>Y gyllideb ddangosol a&apos;r cynllun</translation>
    </message>
    <message>
        <source>Indicative budget</source>
        <translation>Cyllideb ddangosol</translation>
    </message>
    <message>
        <source>Support plan</source>
        <translation>Cynllun cymorth</translation>
    </message>
    <message>
        <source>it costs more than the indicative amount</source>
        <translation>mae&apos;n costio mwy na&apos;r swm dangosol</translation>
    </message>
    <message>
        <source>it is above the amount a manager must sign off</source>
        <translation>mae&apos;n uwch na&apos;r swm y mae&apos;n rhaid i reolwr ei gymeradwyo</translation>
    </message>
    <message>
        <source>A manager or the panel must decide, because {why}.</source>
        <translation>Rhaid i reolwr neu&apos;r panel benderfynu, oherwydd {why}.</translation>
    </message>
    <message>
        <source>Managed as: {how}</source>
        <translation>Caiff ei rheoli fel: {how}</translation>
    </message>
    <message>
        <source>The decision</source>
        <translation>Y penderfyniad</translation>
    </message>
    <message>
        <source>Final personal budget: {amount} {per}, decided by {by} on {date}.</source>
        <translation>Cyllideb bersonol derfynol: {amount} {per}, a benderfynwyd gan {by} ar {date}.</translation>
    </message>
    <message>
        <source>Reason: {category}</source>
        <translation>Rheswm: {category}</translation>
    </message>
    <message>
        <source>Back to the cases</source>
        <translation>Yn ôl i&apos;r achosion</translation>
    </message>
    <message>
        <source>Change the plan</source>
        <translation>Newid y cynllun</translation>
    </message>
    <message>
        <source>Record the decision</source>
        <translation>Cofnodi&apos;r penderfyniad</translation>
    </message>
    <message>
        <source>Go on with the plan</source>
        <translation>Bwrw ymlaen â&apos;r cynllun</translation>
    </message>
    <message>
        <source>Print the decision letter</source>
        <translation>Argraffu llythyr y penderfyniad</translation>
    </message>
</context>
<context>
    <name>PointsBars</name>
    <message>
        <source>Added to reach the least number of points</source>
        <translation>Wedi&apos;u hychwanegu i gyrraedd y nifer lleiaf o bwyntiau</translation>
    </message>
    <message>
        <source>Rounding of the points</source>
        <translation>Talgrynnu&apos;r pwyntiau</translation>
    </message>
</context>
<context>
    <name>PointsChart</name>
    <message>
        <source>{points} (was {before})</source>
        <translation>{points} (roedd yn {before})</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <source>Print or save the decision letter</source>
        <translation>Argraffu neu gadw llythyr y penderfyniad</translation>
    </message>
    <message>
        <source>Print or save the letter</source>
        <translation>Argraffu neu gadw&apos;r llythyr</translation>
    </message>
    <message>
        <source>The choices start from the needs recorded for the person.</source>
        <translation>Mae&apos;r dewisiadau&apos;n dechrau o&apos;r anghenion a gofnodwyd ar gyfer yr unigolyn.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Standard print</source>
        <translation>Print safonol</translation>
    </message>
    <message>
        <source>Large print</source>
        <translation>Print bras</translation>
    </message>
    <message>
        <source>Easy read, with pictures</source>
        <translation>Hawdd ei ddeall, gyda lluniau</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Saesneg</translation>
    </message>
    <message>
        <source>Welsh (Cymraeg)</source>
        <translation>Cymraeg</translation>
    </message>
    <message>
        <source>Welsh and English, Welsh first</source>
        <translation>Cymraeg a Saesneg, y Gymraeg yn gyntaf</translation>
    </message>
    <message>
        <source>Style of the letter</source>
        <translation>Arddull y llythyr</translation>
    </message>
    <message>
        <source>Language of the letter</source>
        <translation>Iaith y llythyr</translation>
    </message>
    <message>
        <source>The decision letter does not carry the person&apos;s notes.</source>
        <translation>Nid yw llythyr y penderfyniad yn cynnwys nodiadau&apos;r unigolyn.</translation>
    </message>
    <message>
        <source>The person agrees that their own words (the notes) go on the letter</source>
        <translation>Mae&apos;r unigolyn yn cytuno bod eu geiriau eu hunain (y nodiadau) yn mynd ar y llythyr</translation>
    </message>
    <message>
        <source>There are no notes in this assessment.</source>
        <translation>Does dim nodiadau yn yr asesiad hwn.</translation>
    </message>
    <message>
        <source>Print on paper</source>
        <translation>Argraffu ar bapur</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Argraffydd</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Copïau</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Argraffu</translation>
    </message>
    <message>
        <source>No printer is set up on this laptop. Save the letter instead and print it later.</source>
        <translation>Does dim argraffydd wedi&apos;i osod ar y gliniadur hwn. Cadwch y llythyr yn lle hynny a&apos;i argraffu wedyn.</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Cadw copi</translation>
    </message>
    <message>
        <source>The letter (PDF)</source>
        <translation>Y llythyr (PDF)</translation>
    </message>
    <message>
        <source>An accessible copy (tagged PDF for screen readers)</source>
        <translation>Copi hygyrch (PDF wedi&apos;i dagio ar gyfer darllenwyr sgrin)</translation>
    </message>
    <message>
        <source>The letter read aloud (audio, WAV)</source>
        <translation>Y llythyr wedi&apos;i ddarllen yn uchel (sain, WAV)</translation>
    </message>
    <message>
        <source>The letter in braille (BRF)</source>
        <translation>Y llythyr mewn Braille (BRF)</translation>
    </message>
    <message>
        <source>Choose another folder…</source>
        <translation>Dewis ffolder arall…</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Enw&apos;r ffeil</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Cadw</translation>
    </message>
    <message>
        <source>Folder: {folder}</source>
        <translation>Ffolder: {folder}</translation>
    </message>
    <message>
        <source>decision-letter</source>
        <translation>llythyr-penderfyniad</translation>
    </message>
    <message>
        <source>budget-letter</source>
        <translation>llythyr-cyllideb</translation>
    </message>
    <message>
        <source>Give a file name, without any folder in it.</source>
        <translation>Rhowch enw ffeil, heb ffolder ynddo.</translation>
    </message>
</context>
<context>
    <name>QuestionPage</name>
    <message>
        <source>Saved</source>
        <translation>Wedi&apos;i gadw</translation>
    </message>
    <message>
        <source>the question and its answers</source>
        <translation>y cwestiwn a&apos;i atebion</translation>
    </message>
    <message>
        <source>Notes, in the person&apos;s own words</source>
        <translation>Nodiadau, yng ngeiriau&apos;r unigolyn ei hun</translation>
    </message>
    <message>
        <source>Optional. Saved as you type. Ctrl+Enter continues.</source>
        <translation>Dewisol. Caiff ei gadw wrth i chi deipio. Pwyswch Ctrl+Enter i barhau.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Yn ôl</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Parhau</translation>
    </message>
    <message>
        <source>Question {number} of {total} · {section}</source>
        <translation>Cwestiwn {number} o {total} · {section}</translation>
    </message>
    <message>
        <source>Question {number} of {total}</source>
        <translation>Cwestiwn {number} o {total}</translation>
    </message>
</context>
<context>
    <name>QuestionV2Page</name>
    <message>
        <source>The agreed answer (the one that counts)</source>
        <translation>Yr ateb y cytunwyd arno (yr un sy&apos;n cyfrif)</translation>
    </message>
    <message>
        <source>Not applicable: recorded as its own answer, not counted.</source>
        <translation>Ddim yn berthnasol: caiff ei gofnodi fel ateb ar ei ben ei hun, heb ei gyfrif.</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <source>Read aloud</source>
        <translation>Darllen yn uchel</translation>
    </message>
    <message>
        <source>Reads {what} aloud. Ctrl+R starts and stops.</source>
        <translation>Yn darllen {what} yn uchel. Mae Ctrl+R yn dechrau ac yn stopio.</translation>
    </message>
    <message>
        <source>Slow voice</source>
        <translation>Llais araf</translation>
    </message>
    <message>
        <source>Normal voice</source>
        <translation>Llais arferol</translation>
    </message>
    <message>
        <source>Fast voice</source>
        <translation>Llais cyflym</translation>
    </message>
    <message>
        <source>Voice speed</source>
        <translation>Cyflymder y llais</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>Stopio darllen</translation>
    </message>
</context>
<context>
    <name>ReceiptLine</name>
    <message>
        <source>Not with the council yet: it is sent when this laptop can reach the council.</source>
        <translation>Nid yw gyda&apos;r cyngor eto: bydd yn cael ei anfon pan fydd y gliniadur hwn yn gallu cyrraedd y cyngor.</translation>
    </message>
</context>
<context>
    <name>Record</name>
    <message>
        <source>The person&apos;s view</source>
        <translation>Barn yr unigolyn</translation>
    </message>
    <message>
        <source>The assessor&apos;s view</source>
        <translation>Barn yr aseswr</translation>
    </message>
    <message>
        <source>The carer&apos;s view</source>
        <translation>Barn y gofalwr</translation>
    </message>
    <message>
        <source>The person</source>
        <translation>Yr unigolyn</translation>
    </message>
    <message>
        <source>The person, with help</source>
        <translation>Yr unigolyn, gyda help</translation>
    </message>
    <message>
        <source>A carer</source>
        <translation>Gofalwr</translation>
    </message>
    <message>
        <source>The assessor</source>
        <translation>Yr aseswr</translation>
    </message>
    <message>
        <source>A representative</source>
        <translation>Cynrychiolydd</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Heb ei gofnodi</translation>
    </message>
    <message>
        <source>Each view</source>
        <translation>Pob barn</translation>
    </message>
    <message>
        <source>The agreed answer above is the one that counts.</source>
        <translation>Yr ateb y cytunwyd arno uchod yw&apos;r un sy&apos;n cyfrif.</translation>
    </message>
    <message>
        <source>Asked as: {question}</source>
        <translation>Y cwestiwn iddyn nhw: {question}</translation>
    </message>
    <message>
        <source>The views differ: choose the agreed answer above.</source>
        <translation>Mae&apos;r barnau&apos;n wahanol: dewiswch yr ateb y cytunwyd arno uchod.</translation>
    </message>
    <message>
        <source>Who answered, and evidence</source>
        <translation>Pwy atebodd, a thystiolaeth</translation>
    </message>
    <message>
        <source>Who answered</source>
        <translation>Pwy atebodd</translation>
    </message>
    <message>
        <source>Who helped</source>
        <translation>Pwy helpodd</translation>
    </message>
    <message>
        <source>Answered by</source>
        <translation>Atebwyd gan</translation>
    </message>
    <message>
        <source>Helped by</source>
        <translation>Help gan</translation>
    </message>
    <message>
        <source>Evidence for this answer</source>
        <translation>Tystiolaeth ar gyfer yr ateb hwn</translation>
    </message>
    <message>
        <source>What was seen or heard. Saved as you type.</source>
        <translation>Beth a welwyd neu a glywyd. Caiff ei gadw wrth i chi deipio.</translation>
    </message>
    <message>
        <source>Evidence is kept to {count} characters.</source>
        <translation>Mae tystiolaeth yn cael ei chadw i {count} nod.</translation>
    </message>
    <message>
        <source>{view}: {answer}</source>
        <translation>{view}: {answer}</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>The budget</source>
        <translation>Y gyllideb</translation>
    </message>
    <message>
        <source>The indicative budget</source>
        <translation>Y gyllideb ddangosol</translation>
    </message>
    <message>
        <source>This is a draft. It is not a decision until it is finalised.</source>
        <translation>Drafft yw hwn, nid penderfyniad. Bydd yn benderfyniad pan fydd wedi&apos;i gwblhau.</translation>
    </message>
    <message>
        <source>£{amount} a week</source>
        <translation>£{amount} yr wythnos</translation>
    </message>
    <message>
        <source>{title}: {weekly}</source>
        <translation>{title}: {weekly}</translation>
    </message>
    <message>
        <source>£{amount} a year</source>
        <translation>£{amount} y flwyddyn</translation>
    </message>
    <message>
        <source>the budget and how it was worked out</source>
        <translation>y gyllideb a sut y cafodd ei chyfrifo</translation>
    </message>
    <message>
        <source>Points in each area</source>
        <translation>Pwyntiau ym mhob maes</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) in all.</source>
        <translation>
            <numerusform>%n pwynt i gyd.</numerusform>
            <numerusform>%n pwynt i gyd.</numerusform>
            <numerusform>%n pwynt i gyd.</numerusform>
            <numerusform>%n pwynt i gyd.</numerusform>
            <numerusform>%n pwynt i gyd.</numerusform>
        </translation>
    </message>
    <message>
        <source>How the figure was worked out</source>
        <translation>Sut y cafodd y ffigur ei gyfrifo</translation>
    </message>
    <message>
        <source>Back to the answers</source>
        <translation>Yn ôl i&apos;r atebion</translation>
    </message>
    <message>
        <source>Print the letter</source>
        <translation>Argraffu&apos;r llythyr</translation>
    </message>
    <message>
        <source>Finalise</source>
        <translation>Cwblhau</translation>
    </message>
    <message>
        <source>Freeze the answers and the figure; it can then be sent.</source>
        <translation>Rhewi&apos;r atebion a&apos;r ffigur; wedyn mae modd ei anfon.</translation>
    </message>
    <message>
        <source>Support plan</source>
        <translation>Cynllun cymorth</translation>
    </message>
    <message>
        <source>What the budget will buy, and the decision on it.</source>
        <translation>Am beth y bydd y gyllideb yn talu, a&apos;r penderfyniad arni.</translation>
    </message>
    <message>
        <source>A manager must sign off this budget before it can be agreed.</source>
        <translation>Rhaid i reolwr gymeradwyo&apos;r gyllideb hon cyn bod modd ei chytuno.</translation>
    </message>
    <message>
        <source>Flag: {flag}</source>
        <translation>Sylwch: {flag}</translation>
    </message>
    <message>
        <source>Finalise this assessment?</source>
        <translation>Cwblhau&apos;r asesiad hwn?</translation>
    </message>
    <message>
        <source>The answers and the figure will be frozen and sent to the council. A correction later needs an amendment with a reason.</source>
        <translation>Bydd yr atebion a&apos;r ffigur yn cael eu rhewi a&apos;u hanfon at y cyngor. I gywiro rhywbeth wedyn, bydd angen diwygiad gyda rheswm.</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Dim eto</translation>
    </message>
</context>
<context>
    <name>ResultV2Page</name>
    <message>
        <source>The budget</source>
        <translation>Y gyllideb</translation>
    </message>
    <message>
        <source>The indicative budget</source>
        <translation>Y gyllideb ddangosol</translation>
    </message>
    <message>
        <source>This is a draft. It is not a decision until it is finalised.</source>
        <translation>Drafft yw hwn, nid penderfyniad. Bydd yn benderfyniad pan fydd wedi&apos;i gwblhau.</translation>
    </message>
    <message>
        <source>the budget and how it was worked out</source>
        <translation>y gyllideb a sut y cafodd ei chyfrifo</translation>
    </message>
    <message>
        <source>How the figures were worked out</source>
        <translation>Sut y cafodd y ffigurau eu cyfrifo</translation>
    </message>
    <message>
        <source>Questions, or if you disagree</source>
        <translation>Cwestiynau, neu os nad ydych chi&apos;n cytuno</translation>
    </message>
    <message>
        <source>Back to the answers</source>
        <translation>Yn ôl i&apos;r atebion</translation>
    </message>
    <message>
        <source>Finalise</source>
        <translation>Cwblhau</translation>
    </message>
    <message>
        <source>Freeze the answers and the figures; they can then be sent.</source>
        <translation>Rhewi&apos;r atebion a&apos;r ffigurau; wedyn mae modd eu hanfon.</translation>
    </message>
    <message>
        <source>Print the letter</source>
        <translation>Argraffu&apos;r llythyr</translation>
    </message>
    <message>
        <source>Support plan</source>
        <translation>Cynllun cymorth</translation>
    </message>
    <message>
        <source>What the council&apos;s part of the budget will buy, and the decision on it.</source>
        <translation>Am beth y bydd rhan y cyngor o&apos;r gyllideb yn talu, a&apos;r penderfyniad arni.</translation>
    </message>
    <message>
        <source>Total: {figure}</source>
        <translation>Cyfanswm: {figure}</translation>
    </message>
    <message>
        <source>The council&apos;s part: {figure}</source>
        <translation>Rhan y cyngor: {figure}</translation>
    </message>
    <message>
        <source>{per}: £{total} in all, the council&apos;s part £{council}</source>
        <translation>{per}: £{total} i gyd, rhan y cyngor £{council}</translation>
    </message>
    <message>
        <source>{amount}: the parts</source>
        <translation>{amount}: y rhannau</translation>
    </message>
    <message>
        <source>{part} ({funder}): £{amount} {per}</source>
        <translation>{part} ({funder}): £{amount} {per}</translation>
    </message>
    <message>
        <source>Points in each area</source>
        <translation>Pwyntiau ym mhob maes</translation>
    </message>
    <message>
        <source>A manager must sign off this budget before it can be agreed.</source>
        <translation>Rhaid i reolwr gymeradwyo&apos;r gyllideb hon cyn bod modd ei chytuno.</translation>
    </message>
    <message>
        <source>Paid by {funder}, not by the council: {figure}</source>
        <translation>Wedi&apos;i dalu gan {funder}, nid gan y cyngor: {figure}</translation>
    </message>
    <message>
        <source>Flag: {flag}</source>
        <translation>Sylwch: {flag}</translation>
    </message>
    <message>
        <source>Points in each area: {part}</source>
        <translation>Pwyntiau ym mhob maes: {part}</translation>
    </message>
    <message>
        <source>the council</source>
        <translation>y cyngor</translation>
    </message>
</context>
<context>
    <name>Reviews</name>
    <message>
        <source>Uses an older ruleset: open it to move it to the new one.</source>
        <translation>Yn defnyddio set reolau hŷn: agorwch ef i&apos;w symud i&apos;r un newydd.</translation>
    </message>
    <message>
        <source>Started {days} days ago: longer than the council allows.</source>
        <translation>Dechreuwyd {days} diwrnod yn ôl: yn hirach nag y mae&apos;r cyngor yn ei ganiatáu.</translation>
    </message>
    <message>
        <source>From last time — check it</source>
        <translation>O&apos;r tro diwethaf — gwiriwch ef</translation>
    </message>
    <message>
        <source>This answer is from last time. Check it with the person.</source>
        <translation>Mae&apos;r ateb hwn o&apos;r tro diwethaf. Gwiriwch ef gyda&apos;r unigolyn.</translation>
    </message>
    <message>
        <source>Last time&apos;s assessment is no longer kept on this laptop (the council holds it), so what changed cannot be shown here.</source>
        <translation>Nid yw asesiad y tro diwethaf yn cael ei gadw ar y gliniadur hwn bellach (mae gan y cyngor gopi), felly ni ellir dangos yma beth sydd wedi newid.</translation>
    </message>
</context>
<context>
    <name>Sending</name>
    <message>
        <source>Cannot reach the council since {time} — cases are kept safe here and will be sent when it can</source>
        <translation>Methu cyrraedd y cyngor ers {time} — mae&apos;r achosion yn cael eu cadw&apos;n ddiogel yma a byddan nhw&apos;n cael eu hanfon pan fydd modd</translation>
    </message>
    <message>
        <source>Received by the council on {when}. Receipt: {receipt}</source>
        <translation>Daeth i law&apos;r cyngor ar {when}. Derbynneb: {receipt}</translation>
    </message>
    <message>
        <source>received by the council {when}</source>
        <translation>daeth i law&apos;r cyngor {when}</translation>
    </message>
    <message>
        <source>The council&apos;s server did not accept that code. It may be mistyped, used already or out of date. Check it, or ask your administrator for a new code.</source>
        <translation>Ni dderbyniodd gweinydd y cyngor y cod hwnnw. Efallai ei fod wedi&apos;i gamdeipio, wedi&apos;i ddefnyddio&apos;n barod neu wedi dod i ben. Gwiriwch ef, neu gofynnwch i&apos;ch gweinyddwr am god newydd.</translation>
    </message>
    <message>
        <source>The server at {address} could not prove it is the council&apos;s (its certificate is not trusted), so nothing was sent to it. Check the address; if it is right, ask your IT team to set up the council&apos;s certificate.</source>
        <translation>Ni allai&apos;r gweinydd yn {address} brofi mai gweinydd y cyngor ydyw (nid oes modd ymddiried yn ei dystysgrif), felly ni anfonwyd dim ato. Gwiriwch y cyfeiriad; os yw&apos;n gywir, gofynnwch i&apos;ch tîm TG osod tystysgrif y cyngor.</translation>
    </message>
    <message>
        <source>Cannot reach a server at {address}. Check the address and that this laptop is online. If both are right, the council&apos;s server may be down: try again later.</source>
        <translation>Methu cyrraedd gweinydd yn {address}. Gwiriwch y cyfeiriad a bod y gliniadur hwn ar-lein. Os yw&apos;r ddau&apos;n iawn, efallai fod gweinydd y cyngor i lawr: rhowch gynnig arall arni nes ymlaen.</translation>
    </message>
    <message>
        <source>Something answered at {address}, but not the council&apos;s rasdesk server. Check the address with your administrator.</source>
        <translation>Atebodd rhywbeth yn {address}, ond nid gweinydd rasdesk y cyngor. Gwiriwch y cyfeiriad gyda&apos;ch gweinyddwr.</translation>
    </message>
    <message>
        <source>There is nowhere safe on this computer to keep the laptop&apos;s sending key (no password store). Nothing was changed, and the code can still be used. Ask your IT team to set up the password store.</source>
        <translation>Does unman diogel ar y cyfrifiadur hwn i gadw allwedd anfon y gliniadur (dim storfa gyfrineiriau). Ni newidiwyd dim, ac mae modd defnyddio&apos;r cod o hyd. Gofynnwch i&apos;ch tîm TG osod y storfa gyfrineiriau.</translation>
    </message>
    <message>
        <source>Enrolling cannot go ahead: {detail}</source>
        <translation>Ni all y cofrestru fynd yn ei flaen: {detail}</translation>
    </message>
    <message>
        <source>Enrolling did not work: {detail}. Nothing was changed; try again, or ask your IT team.</source>
        <translation>Ni weithiodd y cofrestru: {detail}. Ni newidiwyd dim; rhowch gynnig arall arni, neu gofynnwch i&apos;ch tîm TG.</translation>
    </message>
    <message>
        <source>That is not a server address. Give it whole, like https://rasdesk.council.example (it starts with https://).</source>
        <translation>Nid cyfeiriad gweinydd yw hwnnw. Rhowch ef yn llawn, fel https://rasdesk.council.example (mae&apos;n dechrau gyda https://).</translation>
    </message>
</context>
<context>
    <name>SendingPage</name>
    <message>
        <source>Sending cases to the council</source>
        <translation>Anfon achosion at y cyngor</translation>
    </message>
    <message>
        <source>Send &amp;now</source>
        <translation>Anfon &amp;nawr</translation>
    </message>
    <message>
        <source>Send every finalised case now, without waiting.</source>
        <translation>Anfon pob achos sydd wedi&apos;i gwblhau nawr, heb aros.</translation>
    </message>
    <message>
        <source>Enrol again with a new code</source>
        <translation>Cofrestru eto gyda chod newydd</translation>
    </message>
    <message>
        <source>Use a new code from your administrator.</source>
        <translation>Defnyddiwch god newydd gan eich gweinyddwr.</translation>
    </message>
    <message>
        <source>Back to the cases</source>
        <translation>Yn ôl i&apos;r achosion</translation>
    </message>
    <message>
        <source>This laptop sends to {server} as “{name}”.</source>
        <translation>Mae&apos;r gliniadur hwn yn anfon at {server} fel “{name}”.</translation>
    </message>
    <message>
        <source>Last tried at {time}.</source>
        <translation>Y cynnig diwethaf: {time}.</translation>
    </message>
    <message>
        <source>Done: this laptop is set up to send cases to {server}. They go in the background; Send now sends them at once.</source>
        <translation>Wedi&apos;i wneud: mae&apos;r gliniadur hwn wedi&apos;i osod i anfon achosion at {server}. Maen nhw&apos;n mynd yn y cefndir; mae Anfon nawr yn eu hanfon ar unwaith.</translation>
    </message>
</context>
<context>
    <name>SinceLastTimePage</name>
    <message>
        <source>Continue to the budget</source>
        <translation>Parhau i&apos;r gyllideb</translation>
    </message>
    <message>
        <source>Print the letter</source>
        <translation>Argraffu&apos;r llythyr</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Yn ôl</translation>
    </message>
</context>
<context>
    <name>Speaker</name>
    <message>
        <source>The voice could not be played: this computer has no sound output.</source>
        <translation>Nid oedd modd chwarae&apos;r llais: nid oes gan y cyfrifiadur hwn allbwn sain.</translation>
    </message>
</context>
<context>
    <name>TakeBackDialog</name>
    <message>
        <source>Take back</source>
        <translation>Cymryd yn ôl</translation>
    </message>
    <message>
        <source>Take the laptop back</source>
        <translation>Cymryd y gliniadur yn ôl</translation>
    </message>
    <message>
        <source>Enter your PIN.</source>
        <translation>Rhowch eich PIN.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
</context>
</TS>
