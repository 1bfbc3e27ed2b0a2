import type { Translation } from '../translation.ts';

/** What a ticket is about beyond its text: the order and its items, a loyalty purchase, a review. Part of the `ticket` namespace. */
export const en = {
  order: {
    title: 'Order',
    number: 'Order number',
    source: 'From',
    items: 'Items',
    item: 'Item',
    sku: 'SKU',
    quantity: 'Qty',
    price: 'Price',
    noItems: 'No items were given.',
    purchase: 'Loyalty purchase',
    transaction: 'Transaction',
    store: 'Store',
    amount: 'Amount',
    purchasedAt: 'Purchased',
    review: 'Review',
    rating: 'Rating',
    ratingValue: '{{rating}} of 5',
    openReview: 'Open the review',
    reviewRef: 'Review id',
    nothing: 'No order, purchase or review is linked.',
  },
};

export const id: Translation<typeof en> = {
  order: {
    title: 'Pesanan',
    number: 'Nomor pesanan',
    source: 'Dari',
    items: 'Barang',
    item: 'Barang',
    sku: 'SKU',
    quantity: 'Jml',
    price: 'Harga',
    noItems: 'Tidak ada barang yang diberikan.',
    purchase: 'Pembelian loyalti',
    transaction: 'Transaksi',
    store: 'Toko',
    amount: 'Jumlah',
    purchasedAt: 'Dibeli',
    review: 'Ulasan',
    rating: 'Penilaian',
    ratingValue: '{{rating}} dari 5',
    openReview: 'Buka ulasan',
    reviewRef: 'ID ulasan',
    nothing: 'Tidak ada pesanan, pembelian, atau ulasan yang terhubung.',
  },
};
