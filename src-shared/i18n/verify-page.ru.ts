/** The server's public /verify page and the online part of every check (issue 13). Russian. */
export const verifyPageRu = {
  'verify.problem.keyRevoked': 'Ключ рабочей станции, подписавшей документ, отозван университетом: {reason}.',
  'verify.online.checking': 'Проверяем онлайн, не аннулирован ли документ…',
  'verify.online.ok': 'Онлайн: документ есть в реестре университета и не аннулирован.',
  'verify.online.notInRegister': 'Онлайн: номера пока нет в реестре сервера (рабочая станция ещё не синхронизировалась). Подпись верна.',
  'verify.online.failed': 'Онлайн-проверку аннулирования выполнить не удалось; подпись проверена без сети.',
  'verify.page.title': 'Проверка документа университета',
  'verify.page.intro': 'Наведите камеру телефона на QR-код документа или введите номер и код, напечатанные рядом с ним.',
  'verify.page.number': 'Номер документа',
  'verify.page.check': 'Код (8 знаков)',
  'verify.page.submit': 'Проверить',
  'verify.page.notFound': 'В реестре нет документа с таким номером и кодом.',
  'verify.page.language': 'Язык',
  'verify.page.how': 'Подпись проверена в этом браузере открытым ключом университета; данные ниже подписаны — сверьте их с бумагой.',
};
