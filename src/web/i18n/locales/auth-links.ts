import type { Translation } from '../translation.ts';

/** The page an agent's invitation or password-reset link opens: part of the `auth` namespace (auth.ts spreads it in). */
export const en = {
  setPassword: {
    pageTitle: 'Choose a password',
    checking: 'Checking your link…',
    welcomeTitle: 'Welcome, {{name}}',
    welcomeIntro: 'Choose a password for {{workspace}}. You sign in with it from now on.',
    resetTitle: 'Choose a new password',
    resetIntro: 'For {{name}} in {{workspace}}. Once it is set, your other sessions end.',
    email: 'Email',
    password: 'New password',
    passwordHint: 'At least {{count}} characters.',
    repeat: 'Repeat the password',
    mismatch: 'The two passwords differ.',
    submit: 'Set password and sign in',
    failed: 'The password was not set',
    spentTitle: 'This link no longer works',
    spentText: 'It was used already, has expired, or a newer one was sent. Ask an administrator of your workspace to send you a new link.',
    missingTitle: 'Open the link from your email',
    missingText: 'This page needs the link mailed to you. If you reloaded the page, open the link in the email again: it is read once and then cleared from the address bar.',
    goSignIn: 'Go to sign in',
    tooManyTitle: 'Too many tries',
    tooManyText: 'Wait a few minutes, then try again.',
    couldNot: 'The link could not be checked',
  },
};

export const id: Translation<typeof en> = {
  setPassword: {
    pageTitle: 'Pilih kata sandi',
    checking: 'Memeriksa tautan Anda…',
    welcomeTitle: 'Selamat datang, {{name}}',
    welcomeIntro: 'Pilih kata sandi untuk {{workspace}}. Mulai sekarang Anda masuk dengan kata sandi ini.',
    resetTitle: 'Pilih kata sandi baru',
    resetIntro: 'Untuk {{name}} di {{workspace}}. Setelah disimpan, sesi Anda yang lain berakhir.',
    email: 'Email',
    password: 'Kata sandi baru',
    passwordHint: 'Minimal {{count}} karakter.',
    repeat: 'Ulangi kata sandi',
    mismatch: 'Kedua kata sandi berbeda.',
    submit: 'Simpan kata sandi dan masuk',
    failed: 'Kata sandi tidak disimpan',
    spentTitle: 'Tautan ini sudah tidak berlaku',
    spentText: 'Tautan ini sudah dipakai, sudah kedaluwarsa, atau sudah ada tautan yang lebih baru. Minta administrator ruang kerja Anda mengirim tautan baru.',
    missingTitle: 'Buka tautan dari email Anda',
    missingText: 'Halaman ini memerlukan tautan yang dikirim kepada Anda. Jika Anda memuat ulang halaman, buka lagi tautan di email: tautan dibaca sekali lalu dihapus dari bilah alamat.',
    goSignIn: 'Ke halaman masuk',
    tooManyTitle: 'Terlalu banyak percobaan',
    tooManyText: 'Tunggu beberapa menit, lalu coba lagi.',
    couldNot: 'Tautan tidak dapat diperiksa',
  },
};
