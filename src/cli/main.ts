console.log('picto: work in progress');
