// Loads (and so registers) every built-in step, so Pipeline.fromJSON knows them all.
import './simpleImputer';
import './standardScaler';
import './minMaxScaler';
import './oneHotEncoder';
import './ordinalEncoder';
import './bucketizer';
import './selectColumns';
import './customStep';
