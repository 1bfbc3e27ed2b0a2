/**
 * The words of the demo workspace "Toko Makmur", a household-goods chain with shops in six
 * cities, a web shop and marketplace stores. Texts are in Bahasa Indonesia or English, as the
 * customer writes. Every email address is on a reserved domain (example.com/.net/.org, .test),
 * so a demo can never mail a real person.
 */

export type Lang = 'en' | 'id';
export type CategoryName = 'Return' | 'Cancel' | 'Damage' | 'Delivery' | 'Quality' | 'Billing' | 'Other';
export type DepartmentName = 'Customer Service' | 'Returns' | 'Logistics' | 'Billing';

export const demoSlug = 'demo';
export const demoWorkspaceName = 'Toko Makmur Demo';
export const demoAdmin = { name: 'Rina Wijaya', email: 'admin@demo.caredesk.test', password: 'demo-password' } as const;

export const demoDepartments: { name: DepartmentName; email: string }[] = [
  { name: 'Customer Service', email: 'cs@demo.caredesk.test' },
  { name: 'Returns', email: 'returns@demo.caredesk.test' },
  { name: 'Logistics', email: 'logistics@demo.caredesk.test' },
  { name: 'Billing', email: 'billing@demo.caredesk.test' },
];

/** Agents besides the admin; they sign in with the demo password too. */
export const demoAgents: { name: string; email: string; role: 'admin' | 'agent'; departments: DepartmentName[] }[] = [
  { name: 'Michael Tan', email: 'michael.tan@demo.caredesk.test', role: 'admin', departments: ['Customer Service', 'Logistics'] },
  { name: 'Agus Pratama', email: 'agus.pratama@demo.caredesk.test', role: 'agent', departments: ['Customer Service', 'Returns'] },
  { name: 'Sri Wahyuni', email: 'sri.wahyuni@demo.caredesk.test', role: 'agent', departments: ['Customer Service', 'Billing'] },
  { name: 'Putri Maharani', email: 'putri.maharani@demo.caredesk.test', role: 'agent', departments: ['Returns', 'Logistics'] },
  { name: 'Yusuf Hidayat', email: 'yusuf.hidayat@demo.caredesk.test', role: 'agent', departments: ['Logistics', 'Returns'] },
  { name: 'Sarah Collins', email: 'sarah.collins@demo.caredesk.test', role: 'agent', departments: ['Billing', 'Customer Service'] },
];
/** The admin works in Customer Service too. */
export const adminDepartments: DepartmentName[] = ['Customer Service'];

export const departmentOf: Record<CategoryName, DepartmentName> = {
  Return: 'Returns',
  Cancel: 'Customer Service',
  Damage: 'Returns',
  Delivery: 'Logistics',
  Quality: 'Customer Service',
  Billing: 'Billing',
  Other: 'Customer Service',
};

/** Business accounts: customers (companies) that some customer users belong to. */
export const demoCompanies = [
  { name: 'PT Sinar Abadi Sejahtera', code: 'C-10021' },
  { name: 'CV Mitra Karya Mandiri', code: 'C-10034' },
  { name: 'Hotel Melati Bandung', code: 'C-10057' },
  { name: 'Bright Office Supplies Pte Ltd', code: 'C-10068' },
  { name: 'Warung Kopi Senja', code: 'C-10072' },
];

export const indonesianFirst = [
  'Budi', 'Siti', 'Andi', 'Dewi', 'Rizky', 'Nurul', 'Fajar', 'Indah', 'Hendra', 'Ayu', 'Bayu', 'Wulan', 'Eko', 'Fitri',
  'Joko', 'Ratna', 'Arif', 'Mega', 'Dedi', 'Yanti', 'Irfan', 'Nadia', 'Taufik', 'Citra', 'Gilang', 'Novi', 'Hadi',
  'Sinta', 'Reza', 'Kartika', 'Bambang', 'Anisa', 'Wahyu', 'Maya', 'Slamet', 'Lina', 'Dimas', 'Rahma', 'Teguh', 'Yuni',
];
export const indonesianLast = [
  'Santoso', 'Rahmawati', 'Saputra', 'Wijaya', 'Hidayat', 'Kusuma', 'Setiawan', 'Lestari', 'Nugroho', 'Permatasari',
  'Siregar', 'Nasution', 'Simanjuntak', 'Gunawan', 'Halim', 'Purba', 'Harahap', 'Sihombing', 'Utomo', 'Susanto',
  'Pangaribuan', 'Tanjung', 'Wibowo', 'Firmansyah', 'Kurniawan', 'Manurung', 'Anggraini', 'Ramadhan', 'Pratiwi', 'Hakim',
];
export const englishFirst = [
  'Emily', 'James', 'Olivia', 'Daniel', 'Liam', 'Grace', 'Ethan', 'Chloe', 'Noah', 'Hannah', 'Jack', 'Mia', 'Lucas',
  'Isabella', 'Ryan', 'Amelia', 'Oliver', 'Charlotte', 'Thomas', 'Zoe',
];
export const englishLast = [
  'Carter', 'Wilson', 'Bennett', 'Murphy', "O'Brien", 'Thompson', 'Brooks', 'Richardson', 'Fischer', 'Lee', 'Morrison',
  'Schneider', 'van Dijk', 'Rossi', 'Chen', 'Clarke', 'Hughes', 'Walsh', 'Novak', 'Sullivan',
];
export const emailDomains = ['example.com', 'example.net', 'example.org', 'mail.example.com', 'inbox.example.net'];

export interface Product {
  en: string;
  id: string;
  price: number;
}
export const products: Product[] = [
  { en: 'rice cooker 1.8 L', id: 'rice cooker 1,8 L', price: 459_000 },
  { en: '16" stand fan', id: 'kipas angin berdiri 16 inci', price: 389_000 },
  { en: '2-in-1 blender', id: 'blender 2-in-1', price: 525_000 },
  { en: '28 cm non-stick frying pan', id: 'wajan anti lengket 28 cm', price: 249_000 },
  { en: '1.7 L electric kettle', id: 'ketel listrik 1,7 L', price: 299_000 },
  { en: '6-piece cookware set', id: 'set panci 6 pcs', price: 1_249_000 },
  { en: '20 L microwave oven', id: 'microwave 20 L', price: 1_150_000 },
  { en: 'queen-size bedsheet set', id: 'sprei set ukuran queen', price: 329_000 },
  { en: 'bath towel set', id: 'set handuk mandi', price: 189_000 },
  { en: 'LED desk lamp', id: 'lampu meja LED', price: 215_000 },
  { en: '50 L storage box', id: 'kontainer plastik 50 L', price: 159_000 },
  { en: 'water dispenser', id: 'dispenser air galon bawah', price: 1_890_000 },
  { en: 'cordless vacuum cleaner', id: 'vacuum cleaner tanpa kabel', price: 2_350_000 },
  { en: '4 L air fryer', id: 'air fryer 4 L', price: 899_000 },
  { en: 'set of 4 dining chairs', id: 'kursi makan (isi 4)', price: 2_760_000 },
  { en: 'batik shirt', id: 'kemeja batik', price: 275_000 },
  { en: 'running shoes', id: 'sepatu lari', price: 649_000 },
  { en: 'school backpack', id: 'tas ransel sekolah', price: 345_000 },
  { en: 'waterproof mattress protector', id: 'pelindung kasur anti air', price: 235_000 },
  { en: '2-burner gas stove', id: 'kompor gas 2 tungku', price: 615_000 },
];

export const stores = [
  { name: 'Jakarta Kelapa Gading', code: 'JKT01' },
  { name: 'Jakarta Puri Indah', code: 'JKT02' },
  { name: 'Bandung Dago', code: 'BDG01' },
  { name: 'Surabaya Darmo', code: 'SBY01' },
  { name: 'Medan Setiabudi', code: 'MDN01' },
  { name: 'Yogyakarta Kaliurang', code: 'YOG01' },
  { name: 'Makassar Panakkukang', code: 'MKS01' },
];
export const couriers = ['JNE', 'J&T Express', 'SiCepat', 'AnterAja', 'Pos Indonesia', 'GoSend'];
export const sizes = ['S', 'M', 'L', 'XL', '40', '41', '42', '43'];

export interface Template {
  subject: string;
  body: string;
}

/**
 * Complaints by category and language. Placeholders: {product} {order} {store} {days} {amount}
 * {courier} {size} {size2} {first}.
 */
export const complaints: Record<CategoryName, Record<Lang, Template[]>> = {
  Return: {
    en: [
      { subject: 'Wrong size delivered, need to return', body: 'I ordered the {product} in size {size} (order {order}) but received size {size2}. How do I send it back and get the right size?' },
      { subject: 'Return request for {product}', body: 'The {product} does not fit our kitchen as expected. It is unused and still in the original box. I would like to return it for a refund.' },
      { subject: 'Refund for returned item not received', body: 'I returned the {product} to your {store} store {days} days ago and was told the refund of {amount} would take 3 working days. Nothing has arrived yet.' },
      { subject: 'Can I exchange a gift without receipt?', body: 'I received a {product} as a gift but we already have one. I do not have the receipt — can I exchange it at {store}?' },
    ],
    id: [
      { subject: 'Ukuran salah, mau retur', body: 'Saya pesan {product} ukuran {size} (pesanan {order}) tapi yang datang ukuran {size2}. Bagaimana cara returnya? Saya mau tukar ukuran yang benar.' },
      { subject: 'Pengajuan retur {product}', body: 'Barang masih tersegel dan belum dipakai, ternyata tidak sesuai kebutuhan. Mohon info prosedur retur dan refund untuk pesanan {order}.' },
      { subject: 'Refund retur belum masuk', body: 'Saya sudah retur {product} ke toko {store} {days} hari yang lalu. Katanya refund {amount} masuk 3 hari kerja, tapi sampai sekarang belum ada.' },
      { subject: 'Tukar barang beda warna', body: 'Kak, {product} yang saya beli warnanya beda dengan yang di foto. Apakah bisa ditukar dengan warna lain di toko {store}?' },
    ],
  },
  Cancel: {
    en: [
      { subject: 'Please cancel order {order}', body: 'I placed order {order} by mistake twice. Please cancel this one before it ships and refund {amount}.' },
      { subject: 'Order cancelled without explanation', body: 'My order {order} for a {product} was cancelled by the system and I got no email explaining why. I still want the item.' },
      { subject: 'Cancellation refund still pending', body: 'You confirmed the cancellation of order {order} {days} days ago, but the {amount} has not been refunded to my card.' },
    ],
    id: [
      { subject: 'Mohon batalkan pesanan {order}', body: 'Saya salah pilih alamat pengiriman. Tolong batalkan pesanan {order} sebelum dikirim, nanti saya order ulang.' },
      { subject: 'Pesanan dibatalkan sepihak', body: 'Pesanan {order} ({product}) tiba-tiba dibatalkan tanpa pemberitahuan. Padahal sudah saya bayar {amount}. Mohon penjelasannya.' },
      { subject: 'Dana pembatalan belum kembali', body: 'Pembatalan pesanan {order} sudah dikonfirmasi {days} hari lalu, tapi dana {amount} belum kembali ke rekening saya.' },
    ],
  },
  Damage: {
    en: [
      { subject: '{product} arrived damaged', body: 'The box of order {order} was crushed and the {product} inside is cracked. Photos attached. I would like a replacement, not a refund.' },
      { subject: 'Broken glass lid in cookware set', body: 'Opened the {product} today and one of the glass lids is shattered. The outer box looked fine, so it must have been packed like this.' },
      { subject: 'Dented {product} from {store} store', body: 'Bought a {product} at {store} yesterday. At home I noticed a big dent on the side. The staff did not check it with me at the counter.' },
      { subject: 'Item stopped working after two days', body: 'The {product} (order {order}) stopped turning on after two days of normal use. It is clearly defective. Please advise on warranty.' },
    ],
    id: [
      { subject: '{product} datang dalam keadaan rusak', body: 'Paket pesanan {order} penyok dan {product} di dalamnya retak. Foto sudah saya lampirkan. Saya minta barang pengganti.' },
      { subject: 'Barang pecah saat diterima', body: 'Kurir {courier} mengantar paket dengan kondisi dus basah dan sobek. Setelah dibuka, {product} pecah. Mohon solusinya.' },
      { subject: 'Barang rusak, baru dipakai 2 hari', body: '{product} yang saya beli di toko {store} sudah tidak bisa menyala padahal baru dipakai 2 hari. Apakah masih garansi?' },
      { subject: 'Kemasan rusak dan isi tidak lengkap', body: 'Dus {product} sudah terbuka waktu diterima dan aksesorisnya tidak ada. Pesanan {order}.' },
    ],
  },
  Delivery: {
    en: [
      { subject: 'Order {order} is {days} days late', body: 'My order was supposed to arrive within 3 days. It has now been {days} days and the {courier} tracking has not moved since it left the warehouse.' },
      { subject: 'Marked as delivered but not received', body: 'Tracking for order {order} says delivered yesterday, but nobody at my address received anything. No photo proof either.' },
      { subject: 'Delivered to the wrong address', body: 'The courier delivered my {product} to a neighbour two streets away. I only found out by chance. This is not acceptable.' },
      { subject: 'Courier asked for extra payment', body: 'The {courier} driver asked me to pay an extra Rp 50,000 "handling fee" for order {order}. Is that legitimate?' },
    ],
    id: [
      { subject: 'Pesanan {order} belum sampai', body: 'Sudah {days} hari pesanan saya belum sampai. Resi {courier} tidak ada update sejak keluar dari gudang. Tolong dicek ya kak.' },
      { subject: 'Status terkirim tapi barang tidak ada', body: 'Di aplikasi status pesanan {order} sudah "terkirim" tapi saya tidak menerima paket apa pun. Mohon dicek ke kurir.' },
      { subject: 'Paket dikirim ke alamat lain', body: 'Kurir salah antar {product} ke alamat lain. Saya sudah hubungi kurirnya tapi tidak ada respon.' },
      { subject: 'Pengiriman terlambat, barang untuk acara', body: 'Saya butuh {product} untuk acara hari Sabtu. Estimasi kirim sudah lewat {days} hari. Bisa dipercepat?' },
    ],
  },
  Quality: {
    en: [
      { subject: 'Non-stick coating peeling off', body: 'The coating of my {product} started peeling after three weeks. I only used wooden utensils. This is not the quality I expect for {amount}.' },
      { subject: 'Product does not match the description', body: 'The website says the {product} is stainless steel, but it is painted plastic. I feel misled.' },
      { subject: 'Strong chemical smell from {product}', body: 'The {product} gives off a strong plastic smell every time it heats up, even after a week. Is it safe to use?' },
    ],
    id: [
      { subject: 'Lapisan anti lengket mengelupas', body: 'Lapisan {product} sudah mengelupas padahal baru 3 minggu dipakai. Saya selalu pakai spatula kayu. Kecewa dengan kualitasnya.' },
      { subject: 'Barang tidak sesuai deskripsi', body: 'Di website tertulis bahan stainless, tapi {product} yang saya terima ternyata plastik dicat. Mohon ditindaklanjuti.' },
      { subject: 'Jahitan lepas setelah sekali cuci', body: '{product} yang saya beli jahitannya sudah lepas setelah dicuci sekali. Harga {amount} tapi kualitasnya mengecewakan.' },
      { subject: 'Kipas berisik sekali', body: '{product} bunyinya keras sekali dari hari pertama, tidak bisa dipakai waktu tidur. Apakah ini normal?' },
    ],
  },
  Billing: {
    en: [
      { subject: 'Charged twice for one order', body: 'My credit card statement shows two charges of {amount} for order {order}. I only placed one order. Please refund the duplicate.' },
      { subject: 'Promo code not applied', body: 'I used promo code MAKMUR10 at checkout for order {order}, but the full price of {amount} was charged.' },
      { subject: 'Need a tax invoice (faktur pajak)', body: 'Our company bought a {product} (order {order}). We need a tax invoice under our company name for our records.' },
      { subject: 'Wrong price charged at the till', body: 'The shelf label at {store} said {amount}, but I was charged more at the cashier. Receipt attached.' },
    ],
    id: [
      { subject: 'Tagihan terpotong dua kali', body: 'Saldo saya terpotong dua kali sebesar {amount} untuk pesanan {order}. Mohon dana yang terpotong ganda dikembalikan.' },
      { subject: 'Kode promo tidak terpakai', body: 'Saya sudah masukkan kode promo MAKMUR10 tapi tetap dibayar harga penuh {amount}. Pesanan {order}.' },
      { subject: 'Poin member tidak masuk', body: 'Belanja di toko {store} sebesar {amount} tapi poin member saya tidak bertambah. Struk masih saya simpan.' },
      { subject: 'Harga kasir beda dengan label rak', body: 'Di rak tertulis harga promo, tapi di kasir toko {store} saya dikenakan harga normal. Selisihnya mohon dikembalikan.' },
    ],
  },
  Other: {
    en: [
      { subject: 'Rude staff at {store}', body: 'The staff member at the returns counter in {store} was very rude to my elderly mother and refused to help her. I expect an apology.' },
      { subject: 'Cannot log in to my account', body: 'I reset my password three times but the website still says my login is invalid. I cannot see my orders.' },
      { subject: 'Suggestion: longer opening hours', body: 'Could the {store} store open until 22:00 on weekends? Many of us work late.' },
    ],
    id: [
      { subject: 'Pelayanan kasir tidak ramah', body: 'Kasir di toko {store} membentak saya waktu saya tanya soal promo. Sangat tidak sopan. Mohon ditegur.' },
      { subject: 'Parkir toko {store} penuh terus', body: 'Setiap akhir pekan parkir di {store} selalu penuh dan tidak ada petugas yang mengatur. Mohon diperbaiki.' },
      { subject: 'Tidak bisa login aplikasi', body: 'Sudah ganti password tapi tetap tidak bisa masuk aplikasi Toko Makmur. Pesanan saya tidak bisa dicek.' },
      { subject: 'Minta info garansi', body: 'Saya mau tanya, {product} garansinya berapa lama dan klaimnya ke mana ya?' },
    ],
  },
};

/** Reviews delivered by the review connector (Google, Facebook, Tripadvisor). */
export const reviews: Record<Lang, (Template & { category: CategoryName; stars: number })[]> = {
  en: [
    { category: 'Other', stars: 1, subject: '1-star review: "Staff ignored us"', body: 'Waited 20 minutes at {store} and no one came to help, staff were chatting at the back. Won\'t come back.' },
    { category: 'Quality', stars: 2, subject: '2-star review: "Cheap quality"', body: 'Bought a {product}, broke within a month. Looks nice in the store but the quality is poor.' },
    { category: 'Delivery', stars: 2, subject: '2-star review: "Slow delivery"', body: 'Ordered online, took {days} days to arrive and customer service did not answer the chat.' },
    { category: 'Other', stars: 3, subject: '3-star review: "OK but messy store"', body: 'Good prices, but the {store} store is messy and hard to find anything. Cashier queue was long.' },
  ],
  id: [
    { category: 'Other', stars: 1, subject: 'Ulasan bintang 1: "Pelayanan lambat"', body: 'Antri di kasir {store} hampir setengah jam, hanya satu kasir yang buka. Tolong ditambah.' },
    { category: 'Quality', stars: 2, subject: 'Ulasan bintang 2: "Barang cepat rusak"', body: 'Beli {product} belum sebulan sudah rusak. Kecewa, padahal harganya tidak murah.' },
    { category: 'Return', stars: 1, subject: 'Ulasan bintang 1: "Retur dipersulit"', body: 'Mau retur barang cacat di {store} malah dipersulit, disuruh bolak-balik. Tidak profesional.' },
    { category: 'Delivery', stars: 2, subject: 'Ulasan bintang 2: "Pengiriman lama"', body: 'Pesan online, barang baru datang setelah {days} hari. Admin chat juga lambat balas.' },
  ],
};

/** Spam and fake reports that get rejected. */
export const spam: Template[] = [
  { subject: 'Cheap followers and likes!!!', body: 'Boost your shop with 10k followers today, visit our site for a discount. Contact via WhatsApp.' },
  { subject: 'Review: "Best shop ever, visit my store"', body: 'Visit our competitor shop for better prices, link in profile.' },
  { subject: 'Dapatkan pinjaman cepat tanpa jaminan', body: 'Pinjaman dana cair 5 menit tanpa BI checking. Hubungi admin kami sekarang juga.' },
  { subject: 'test', body: 'test test' },
];

/** From the POS & loyalty system (channel api). */
export const posComplaints: Record<Lang, (Template & { category: CategoryName })[]> = {
  en: [
    { category: 'Billing', subject: 'Loyalty points missing for receipt {txn}', body: 'Purchase of {amount} at {store} did not earn loyalty points. Member flagged the receipt at the kiosk.' },
    { category: 'Billing', subject: 'Card declined but amount debited', body: 'Terminal at {store} reported a declined card, but the bank shows {amount} debited. Transaction {txn}.' },
  ],
  id: [
    { category: 'Billing', subject: 'Poin member tidak tercatat (struk {txn})', body: 'Transaksi {amount} di {store} tidak menambah poin member. Dilaporkan pelanggan lewat kios member.' },
    { category: 'Billing', subject: 'Pembayaran QRIS terpotong tapi gagal', body: 'QRIS di kasir {store} menampilkan gagal, tapi saldo pelanggan terpotong {amount}. Transaksi {txn}.' },
  ],
};

export const replies: Record<'ack' | 'askInfo' | 'update' | 'resolved' | 'reopened', Record<Lang, string[]>> = {
  ack: {
    en: [
      'Hi {first}, thank you for reaching out and sorry for the trouble. I am looking into this now and will update you today.',
      'Dear {first}, we are sorry to hear that. Your case is with our {department} team and I will personally follow it up.',
    ],
    id: [
      'Halo Kak {first}, terima kasih sudah menghubungi kami dan mohon maaf atas ketidaknyamanannya. Kami sedang cek dan akan kabari hari ini.',
      'Selamat siang Kak {first}, mohon maaf atas kendalanya. Laporan Kakak sudah kami teruskan ke tim {department} dan akan kami pantau.',
    ],
  },
  askInfo: {
    en: [
      'Could you send us a photo of the item and the packaging, plus your order number? That helps us process the claim quickly.',
      'To refund you we need the bank account name and number. Please reply here — never share your card PIN or OTP with anyone.',
    ],
    id: [
      'Boleh dibantu kirimkan foto barang dan kemasannya, serta nomor pesanan Kakak? Supaya klaimnya bisa cepat kami proses.',
      'Untuk proses refund, mohon info nama dan nomor rekening bank. Mohon jangan pernah berikan PIN atau kode OTP kepada siapa pun.',
    ],
  },
  update: {
    en: [
      'Quick update: we have raised this with {courier} and expect their answer within 2 working days.',
      'Thanks for the photos. The warehouse has confirmed stock for a replacement; I will send the tracking number once it ships.',
    ],
    id: [
      'Update: kami sudah eskalasi ke pihak {courier} dan menunggu jawaban maksimal 2 hari kerja.',
      'Terima kasih fotonya, Kak. Gudang sudah konfirmasi stok pengganti, nomor resi akan kami kirim setelah barang dikirim.',
    ],
  },
  resolved: {
    en: [
      'Good news: {resolution} Please let us know if anything else comes up. — Toko Makmur Care',
      'All sorted: {resolution} Thank you for your patience, {first}.',
    ],
    id: [
      'Kabar baik, Kak: {resolution} Jika ada kendala lain silakan hubungi kami kembali. — Toko Makmur Care',
      'Sudah kami selesaikan: {resolution} Terima kasih atas kesabarannya, Kak {first}.',
    ],
  },
  reopened: {
    en: ['Sorry this is not solved yet. I have reopened your ticket and will check again with the team.'],
    id: ['Mohon maaf masalahnya belum tuntas. Tiket sudah kami buka kembali dan akan kami cek ulang dengan tim.'],
  },
};

export const resolutions: Record<CategoryName, Record<Lang, string[]>> = {
  Return: {
    en: ['the return was approved and {amount} has been refunded to your original payment method.', 'the exchange item has been shipped via {courier}.'],
    id: ['retur disetujui dan dana {amount} sudah dikembalikan ke metode pembayaran awal.', 'barang penukaran sudah dikirim via {courier}.'],
  },
  Cancel: {
    en: ['order {order} has been cancelled and {amount} refunded.', 'your order has been reinstated and will ship tomorrow.'],
    id: ['pesanan {order} sudah dibatalkan dan dana {amount} dikembalikan.', 'pesanan sudah diaktifkan kembali dan dikirim besok.'],
  },
  Damage: {
    en: ['a replacement {product} has been sent via {courier}.', 'the damaged unit was exchanged at the {store} store; your product is ready to collect.'],
    id: ['{product} pengganti sudah dikirim via {courier}.', 'unit rusak sudah ditukar di toko {store}; barang Kakak siap diambil.'],
  },
  Delivery: {
    en: ['{courier} found the parcel and it was delivered this morning.', 'the lost parcel was re-sent free of charge and has been delivered.'],
    id: ['paket sudah ditemukan oleh {courier} dan diterima pagi ini.', 'paket yang hilang sudah dikirim ulang tanpa biaya dan sudah diterima.'],
  },
  Quality: {
    en: ['the {product} was replaced under warranty.', 'we refunded {amount} and passed your feedback to our buying team.'],
    id: ['{product} sudah diganti baru sesuai garansi.', 'dana {amount} sudah kami kembalikan dan masukan Kakak diteruskan ke tim pembelian.'],
  },
  Billing: {
    en: ['the duplicate charge of {amount} was reversed by the payment provider.', 'the missing discount was credited back to your account.'],
    id: ['potongan ganda sebesar {amount} sudah dikembalikan oleh penyedia pembayaran.', 'selisih harga sudah dikembalikan ke akun Kakak.'],
  },
  Other: {
    en: ['the store manager has spoken to the team and we have added a voucher to your account as an apology.', 'your account access has been restored.'],
    id: ['kepala toko sudah menegur staf yang bersangkutan dan voucher permintaan maaf sudah kami tambahkan ke akun Kakak.', 'akses akun Kakak sudah dipulihkan.'],
  },
};

export const customerNotes: Record<'info' | 'chase' | 'thanks' | 'notFixed', Record<Lang, string[]>> = {
  info: {
    en: ['Photos of the box and the item are attached. Order number is on the label.', 'Account name: as on my ID. I have sent the details as requested.'],
    id: ['Sudah saya kirim fotonya ya kak, nomor pesanan ada di label.', 'Nama rekening sesuai KTP, nomornya sudah saya kirim lewat pesan ini.'],
  },
  chase: {
    en: ['Any update on this? It has been several days.', 'Hello? Still waiting for an answer.'],
    id: ['Kak, bagaimana kelanjutannya? Sudah beberapa hari belum ada kabar.', 'Halo, mohon dibantu ya, masih menunggu.'],
  },
  thanks: {
    en: ['Received it today, thank you for the quick help!', 'Thanks, all good now.'],
    id: ['Barangnya sudah sampai, terima kasih banyak kak!', 'Sudah beres, terima kasih atas bantuannya.'],
  },
  notFixed: {
    en: ['Sorry, the problem is back — the replacement has the same defect.', 'I still have not received the refund, please check again.'],
    id: ['Maaf kak, masalahnya muncul lagi, barang pengganti juga rusak.', 'Dananya ternyata belum masuk, mohon dicek lagi.'],
  },
};

export const customerResolutions: Record<Lang, string[]> = {
  en: ['Received the replacement, all good.', 'Refund arrived, thanks.', 'Parcel arrived after all.'],
  id: ['Barang pengganti sudah diterima, terima kasih.', 'Dana refund sudah masuk.', 'Paketnya akhirnya sampai.'],
};

export const internalNotes = [
  'Second complaint from this customer this month — handle with care.',
  'Courier tracking shows "delivered" with no proof photo. Asked logistics to open a claim.',
  'Cek CCTV toko untuk tanggal transaksi, minta bantuan kepala toko.',
  'Refund above Rp 1 juta needs approval from finance (Bu Sri).',
  'Stok pengganti tersedia di gudang Cikarang, bisa kirim besok.',
  'Customer is a B2B account — loop in the account manager.',
  'Same batch had 3 similar defects, reported to the buying team.',
  'Sudah telepon pelanggan, tidak diangkat. Coba lagi sore ini.',
  'Marketplace dispute opened by the buyer; answer within 48 hours or we lose it.',
  'Payment gateway confirms the duplicate debit, reversal requested.',
];

export const rejectionNotes = ['Spam — promotional content, no order found.', 'Fake review: no purchase matches this reviewer.', 'Test submission from the website form.'];

export const pendingReasons: Record<'customer' | 'third_party' | 'internal', string[]> = {
  customer: ['Waiting for photos of the damaged item', 'Waiting for the bank account details for the refund', 'Asked the customer to confirm the delivery address', 'Menunggu foto struk asli dari pelanggan'],
  third_party: ['Claim filed with the courier, waiting for their investigation', 'Waiting for the marketplace to release the refund', 'Supplier is checking the warranty claim', 'Bank sedang investigasi potongan ganda'],
  internal: ['Warehouse checking stock for a replacement', 'Finance to approve a refund above Rp 1 juta', 'Store manager reviewing CCTV footage'],
};

export const tagPool = ['vip', 'repeat-complaint', 'social-media', 'refund-requested', 'cod', 'warranty', 'b2b', 'escalated'];
