package dev.affinity.features.generate;

import java.util.List;

/** The twenty categories of the synthetic shop, with their median prices and vocabularies. */
final class Categories {
    /** Every category; a product's category index points into this list. */
    static final List<Category> ALL = List.of(
            category(
                    "electronics",
                    120,
                    1.4,
                    "Headphones,Speaker,Soundbar,Camera,Smartwatch,Charger,Earbuds",
                    "Wireless,Noise-Cancelling,Portable,Compact,Smart",
                    "music on the go,home entertainment,everyday use"),
            category(
                    "computers",
                    450,
                    0.8,
                    "Laptop,Monitor,Keyboard,Mouse,Tablet,Webcam,Docking Station",
                    "Ultra-Thin,Gaming,Ergonomic,Mechanical,4K",
                    "work from home,gaming,creative work"),
            category(
                    "phones",
                    300,
                    0.9,
                    "Smartphone,Phone Case,Screen Protector,Power Bank,Car Mount",
                    "Unlocked,Rugged,Slim,Fast-Charging,Magnetic",
                    "staying connected,travel,daily calls"),
            category(
                    "books",
                    15,
                    1.5,
                    "Novel,Cookbook,Biography,Thriller,Atlas,Poetry Collection,Travel Guide",
                    "Bestselling,Illustrated,Hardcover,Paperback,Collector's",
                    "quiet evenings,curious minds,book clubs"),
            category(
                    "video_games",
                    45,
                    0.9,
                    "Console Game,Controller,Gaming Headset,Racing Wheel,Game Pass",
                    "Limited Edition,Wireless,Co-op,Open-World,Retro",
                    "weekend gaming,family game night,competitive play"),
            category(
                    "kitchen",
                    35,
                    1.3,
                    "Chef's Knife,Frying Pan,Coffee Grinder,Blender,Mixing Bowl Set,Kettle,Toaster",
                    "Stainless Steel,Non-Stick,Cast Iron,Ceramic,Electric",
                    "weeknight dinners,baking,morning coffee"),
            category(
                    "home_decor",
                    30,
                    1.1,
                    "Throw Pillow,Table Lamp,Wall Art,Candle,Vase,Picture Frame,Rug",
                    "Handmade,Scandinavian,Velvet,Rustic,Minimalist",
                    "cosy living rooms,bedrooms,gifting"),
            category(
                    "furniture",
                    220,
                    0.6,
                    "Armchair,Bookshelf,Desk,Dining Chair,Side Table,Bed Frame",
                    "Solid Oak,Mid-Century,Upholstered,Foldable,Industrial",
                    "small apartments,home offices,family homes"),
            category(
                    "garden",
                    40,
                    0.8,
                    "Planter,Garden Hose,Pruning Shears,Bird Feeder,Seed Kit,Solar Light",
                    "Weatherproof,Heavy-Duty,Organic,Self-Watering,Galvanised",
                    "balconies,vegetable patches,backyard evenings"),
            category(
                    "beauty",
                    22,
                    1.3,
                    "Face Serum,Moisturiser,Lipstick,Shampoo,Perfume,Hair Dryer,Nail Polish",
                    "Hydrating,Vegan,Fragrance-Free,Matte,Salon-Grade",
                    "daily routines,sensitive skin,special occasions"),
            category(
                    "health",
                    18,
                    1.0,
                    "Vitamin D,Protein Powder,Yoga Mat,Massage Gun,Thermometer,First Aid Kit",
                    "Sugar-Free,Clinically Tested,Plant-Based,Portable,Extra-Strength",
                    "wellbeing,recovery,active lifestyles"),
            category(
                    "toys",
                    25,
                    1.1,
                    "Building Blocks,Plush Bear,Puzzle,Board Game,Remote Control Car,Doll House",
                    "Educational,Wooden,Glow-in-the-Dark,Classic,Interactive",
                    "curious kids,family evenings,birthday parties"),
            category(
                    "baby",
                    30,
                    0.7,
                    "Stroller Organiser,Baby Monitor,Bottle Set,Play Mat,Sleep Sack,Teether",
                    "Organic Cotton,BPA-Free,Soft-Touch,Hypoallergenic,Travel",
                    "new parents,nap time,first adventures"),
            category(
                    "sports",
                    45,
                    1.1,
                    "Running Shoes,Dumbbell Set,Tennis Racket,Football,Cycling Helmet,Jump Rope",
                    "Lightweight,Pro,Adjustable,Breathable,Competition",
                    "training days,match day,home workouts"),
            category(
                    "outdoors",
                    70,
                    0.8,
                    "Tent,Backpack,Sleeping Bag,Hiking Boots,Headlamp,Water Bottle",
                    "Waterproof,Ultralight,Insulated,All-Season,Trail",
                    "weekend hikes,camping trips,mountain days"),
            category(
                    "fashion",
                    40,
                    1.6,
                    "T-Shirt,Jeans,Dress,Hoodie,Wool Coat,Scarf,Linen Shirt",
                    "Slim-Fit,Oversized,Organic,Vintage,Tailored",
                    "everyday wear,evenings out,the office"),
            category(
                    "shoes",
                    80,
                    1.0,
                    "Sneakers,Loafers,Ankle Boots,Sandals,Trainers,Slippers",
                    "Leather,Suede,Cushioned,Waterproof,Handcrafted",
                    "city walks,the office,summer days"),
            category(
                    "jewelry",
                    90,
                    0.6,
                    "Necklace,Earrings,Bracelet,Ring,Watch,Pendant",
                    "Sterling Silver,Gold-Plated,Minimalist,Gemstone,Engraved",
                    "anniversaries,everyday elegance,gifting"),
            category(
                    "pets",
                    20,
                    0.9,
                    "Dog Bed,Cat Tree,Chew Toy,Leash,Pet Food,Grooming Brush",
                    "Durable,Orthopaedic,Grain-Free,Reflective,Washable",
                    "happy dogs,indoor cats,long walks"),
            category(
                    "grocery",
                    8,
                    1.2,
                    "Olive Oil,Coffee Beans,Dark Chocolate,Green Tea,Pasta,Honey,Granola",
                    "Organic,Single-Origin,Fair-Trade,Artisan,Gluten-Free",
                    "the pantry,breakfast,slow Sundays"));

    private Categories() {}

    private static Category category(
            String name, double medianPrice, double weight, String nouns, String adjectives, String uses) {
        return new Category(
                name,
                medianPrice,
                weight,
                List.of(nouns.split(",")),
                List.of(adjectives.split(",")),
                List.of(uses.split(",")));
    }

    /** The weight of every category, in {@link #ALL} order. */
    static double[] weights() {
        return ALL.stream().mapToDouble(Category::weight).toArray();
    }
}
