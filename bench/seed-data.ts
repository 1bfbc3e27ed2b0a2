// Word lists for the generated workspace. No sentence here contains "refund" or the rare word:
// those are placed on purpose, so the benchmark knows exactly how many tickets hold them.

export const COMMON_WORD = 'refund';
export const RARE_WORD = 'quokkaflux';
/** Tickets that hold the rare word. */
export const RARE_COUNT = 5;

export const firstNames = [
  'Budi', 'Siti', 'Agus', 'Dewi', 'Rizky', 'Putri', 'Andi', 'Wulan', 'Hendra', 'Ayu', 'Fajar', 'Indah', 'Yusuf', 'Nur', 'Dimas',
  'Maria', 'John', 'Emma', 'Liam', 'Olivia', 'Noah', 'Ava', 'Lucas', 'Mia', 'Ethan', 'Sofia', 'Mateo', 'Lena', 'Jonas', 'Anna',
  'Hiro', 'Yuki', 'Wei', 'Mei', 'Arjun', 'Priya', 'Omar', 'Layla', 'Kwame', 'Amara',
];

export const lastNames = [
  'Santoso', 'Wijaya', 'Saputra', 'Lestari', 'Pratama', 'Hidayat', 'Kusuma', 'Halim', 'Gunawan', 'Nugroho', 'Setiawan', 'Utami',
  'Smith', 'Johnson', 'Brown', 'Garcia', 'Miller', 'Davis', 'Martin', 'Muller', 'Schmidt', 'Rossi', 'Dubois', 'Silva', 'Tanaka',
  'Sato', 'Chen', 'Wang', 'Kumar', 'Sharma', 'Haddad', 'Mensah', 'Okafor', 'Novak', 'Kowalski', 'Jensen', 'Larsen', 'Virtanen',
];

export const emailDomains = ['example.com', 'mail.example.org', 'shop-customer.example', 'inbox.example.net', 'corp.example.co.id'];

export const companyWords = [
  'Sinar', 'Maju', 'Jaya', 'Abadi', 'Sentosa', 'Global', 'Nusantara', 'Prima', 'Mandiri', 'Makmur', 'Northwind', 'Contoso',
  'Fabrikam', 'Tailspin', 'Litware', 'Adventure', 'Blue Yonder', 'Wide World', 'Proseware', 'Lucerne',
];

export const departments = ['Returns', 'Logistics', 'Billing', 'Quality', 'Marketplace'];

export const productWords = [
  'blender', 'kettle', 'rice cooker', 'air fryer', 'vacuum cleaner', 'washing machine', 'television', 'headphones', 'smartphone',
  'laptop', 'mattress', 'sofa', 'office chair', 'desk lamp', 'coffee machine', 'microwave', 'refrigerator', 'fan', 'iron', 'toaster',
  'camera', 'printer', 'router', 'smartwatch', 'tablet', 'speaker', 'stroller', 'bicycle', 'suitcase', 'sneakers',
];

export const subjects = [
  'Item arrived damaged', 'Wrong item delivered', 'Parcel never arrived', 'Delivery is late', 'Cannot track my order',
  'Charged twice for one order', 'Invoice shows the wrong amount', 'Voucher code not accepted', 'Missing parts in the box',
  'Product stopped working', 'Screen is cracked', 'Battery drains too fast', 'Strange noise when running', 'Size does not fit',
  'Colour differs from the photo', 'Want to cancel my order', 'Change delivery address', 'Exchange for another model',
  'Warranty claim', 'Installation appointment', 'Courier was rude', 'Package left at the wrong door', 'Loyalty points missing',
  'Price dropped after purchase', 'Question about the return label', 'Store staff complaint', 'Bad review follow-up',
  'Marketplace order not synced', 'Payment failed but money taken', 'Account locked', 'Newsletter unsubscribe not working',
  'Spare part request', 'Manual missing', 'Smell of burning', 'Leaking from the bottom', 'Remote control not pairing',
  'App does not connect', 'Order split into two parcels', 'Customs fees asked at delivery', 'Gift wrapping missing',
];

/** Middle sentences of a description: the body of most tickets. */
export const sentences = [
  'I ordered it last week and it arrived today.', 'The box was already open when the courier handed it over.',
  'There is a long scratch on the front panel.', 'It worked for two days and then stopped completely.',
  'I tried to reset it as the manual says but nothing changed.', 'The tracking page has shown the same status for five days.',
  'My neighbour did not receive anything either.', 'I paid with my credit card and the amount was taken twice.',
  'The voucher from the newsletter was rejected at checkout.', 'Please send a technician to look at it.',
  'I would like a replacement as soon as possible.', 'The colour is much darker than on the website.',
  'One of the screws is missing from the bag.', 'The display flickers when the device gets warm.',
  'It makes a loud rattling sound on the highest setting.', 'The plug does not fit the sockets here.',
  'I have attached photos of the damage.', 'The invoice lists an item I never ordered.',
  'The delivery driver left it in the rain.', 'I called the store twice and nobody called back.',
  'The staff at the counter were very helpful.', 'I have been a loyal customer for many years.',
  'My order number is on the receipt I attached.', 'The seal on the packaging was broken.',
  'The battery only lasts an hour now.', 'The app says the device is offline all the time.',
  'I need it before the weekend for a family event.', 'The size chart on the product page seems wrong.',
  'I returned the first one and the second one has the same problem.', 'Could you check the warehouse stock for me?',
  'The courier asked me to pay extra fees at the door.', 'It was a gift and the recipient is very disappointed.',
  'The manual is only in a language I do not read.', 'There is a smell of burnt plastic when it runs.',
  'Water leaks from the bottom after each use.', 'The remote does not pair even with new batteries.',
  'I changed my address but the parcel went to the old one.', 'The price dropped the day after I bought it.',
  'My loyalty points from this purchase are not on my account.', 'The marketplace shows the order as cancelled.',
  'The glass lid shattered on the first use.', 'The handle came loose after one week.',
  'I want to know when the spare part will be available.', 'Please confirm that you received my return.',
  'The installation team did not show up at the agreed time.', 'I was charged shipping although it was free.',
  'The item is heavier than described and will not fit.', 'The knob turns but nothing happens.',
  'I cannot log in to see my order history.', 'The warranty card was not in the box.',
  'It overheats and switches itself off.', 'Some buttons do not respond at all.',
  'The stitching is coming apart at the seams.', 'Two items were missing from a bundle of five.',
  'The parcel was delivered to a pickup point far away.', 'I would prefer a call back in the afternoon.',
  'Thank you for your help in advance.', 'This is the third time I contact you about this.',
  'Kind regards and have a nice day.', 'Please treat this as urgent.',
];

export const commonSentence = `I would like a ${COMMON_WORD} for this order.`;
export const rareSentence = `The serial plate says ${RARE_WORD} which I have never seen before.`;

export const resolutions = ['Replacement shipped', 'Credit note issued', 'Technician visit done', 'Customer informed', 'Parcel found and delivered'];
export const messageBodies = [
  'Thank you for reaching out, we are looking into it.', 'Could you send us a photo of the label?',
  'We have arranged a pickup for tomorrow.', 'The replacement is on its way.', 'Here are the photos you asked for.',
  'Any news about my case?', 'Internal: checked with the warehouse, stock is fine.', 'Internal: courier confirmed the damage.',
];
