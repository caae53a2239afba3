import type { PlaceCount } from '../../search/places/service.js';
import { placeRoutes as r } from '../../shared/routes/places.js';
import { thumbUrl } from '../../shared/routes/urls.js';
import type { Api, ServerContext } from '../context.js';
import { route } from '../route.js';

const quote = (v: string) => (/[\s,:]/.test(v) ? `"${v.replace(/"/g, '')}"` : v);

function summary(p: PlaceCount, field: 'city' | 'country') {
  return {
    key: p.key,
    name: p.name,
    country: p.country,
    photos: p.photos,
    lat: p.lat,
    lon: p.lon,
    coverUrl: p.cover_thumb !== null ? thumbUrl(p.cover_id, p.cover_hash) : null,
    query: field === 'country' ? `country:${p.key}` : `city:${quote(p.name)}`,
  };
}

export function placeRoutes(app: Api, { picto }: ServerContext): void {
  route(app, r.listPlaces, async () => {
    picto.discovery.places.catchUp();
    return {
      countries: picto.discovery.places.counts('country').map((p) => summary(p, 'country')),
      cities: picto.discovery.places.counts('city').map((p) => summary(p, 'city')),
    };
  });

  route(app, r.getPhotoPlace, async (req) => {
    picto.collection.photo(req.params.id);
    picto.discovery.places.catchUp();
    const p = picto.discovery.places.forPhoto(req.params.id);
    if (!p) return null;
    return {
      city: p.city,
      region: p.region,
      country: p.country,
      countryCode: p.country_code,
      continent: p.continent,
      cityKm: p.city_km,
      query: p.city
        ? `city:${quote(p.city)}`
        : p.country_code
          ? `country:${p.country_code}`
          : 'has:gps',
    };
  });
}
